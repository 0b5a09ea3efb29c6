import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

const RECORD = `mutation Record($input: ForumSessionInput!) {
  recordForumSession(input: $input) { id cityCode title heldOn venue hostAgency { code } } }`;
const IMPORT = `mutation Import($sessionId: ID!, $statements: [ForumStatementInput!]!) {
  importForumStatements(sessionId: $sessionId, statements: $statements) { imported duplicates rejected { index reason } } }`;

describe('"Masyarakat Bicara" forum sessions', () => {
  let stack: SuaraTestStack;
  let sessionId: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    auth = await stack.login('coordinator.tpi@demo.suara.id');
    const res = await graphql(
      stack.url,
      RECORD,
      {
        input: {
          cityCode: 'TPI',
          title: 'Masyarakat Bicara Kecamatan Bukit Bestari',
          heldOn: '2026-11-20',
          venue: 'Aula Kantor Camat',
          hostAgencyCode: 'TPI-KECAMATAN',
        },
      },
      auth,
    );
    expect(res.errors).toBeUndefined();
    sessionId = res.data!.recordForumSession.id;
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('records a session', async () => {
    const [row] = await stack.sql(
      'select city_code, title, held_on::text, host_agency_code from forum_session where id = ?',
      [sessionId],
    );
    expect(row).toEqual({
      city_code: 'TPI',
      title: 'Masyarakat Bicara Kecamatan Bukit Bestari',
      held_on: '2026-11-20',
      host_agency_code: 'TPI-KECAMATAN',
    });
  });

  it.each([
    ['an unknown city', { cityCode: 'XXX' }, 'cityCode'],
    ['an impossible date', { heldOn: '2026-02-30' }, 'heldOn'],
    ['an empty title', { title: '  ' }, 'title'],
    ['a host agency of another city', { hostAgencyCode: 'MDN-DISHUB' }, 'hostAgencyCode'],
  ])('refuses a session with %s', async (_name, override, field) => {
    const res = await graphql(
      stack.url,
      RECORD,
      {
        input: { cityCode: 'TPI', title: 'Sesi', heldOn: '2026-11-20', ...override },
      },
      auth,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('imports statements as FORUM items, rejects bad ones by index and counts duplicates', async () => {
    const statements = [
      {
        externalRef: 'MB-001',
        text: 'Jalan di Kampung Bulang berlubang besar.',
        speaker: 'Pak Harun',
        agencyCode: 'TPI-PUPR',
      },
      { externalRef: 'MB-002', text: '   ', speaker: 'Ibu Sari' },
      {
        externalRef: 'MB-003',
        text: 'Terima kasih, puskesmas sekarang buka sampai sore.',
        kind: 'COMPLIMENT',
      },
      { externalRef: 'MB-004', text: 'Pengurusan KK lama.', agencyCode: 'MDN-DUKCAPIL' },
      { externalRef: 'MB-001', text: 'Ulangan pernyataan yang sama dalam satu berkas.' },
      { externalRef: '', text: 'Tanpa nomor referensi.' },
    ];
    const res = await graphql(stack.url, IMPORT, { sessionId, statements }, auth);
    expect(res.errors).toBeUndefined();
    const result = res.data!.importForumStatements;
    expect(result.imported).toBe(2);
    expect(result.duplicates).toBe(1);
    expect(result.rejected.map((r: { index: number }) => r.index)).toEqual([1, 3, 5]);
    expect(result.rejected[0].reason).toMatch(/text: Isi laporan tidak boleh kosong/);
    expect(result.rejected[1].reason).toMatch(/agencyCode: .*bukan instansi di TPI/);
    expect(result.rejected[2].reason).toMatch(/externalRef/);

    const rows = await stack.sql<Record<string, unknown>>(
      `select f.external_ref, f.channel, f.kind, f.city_code, f.agency_hint_code, f.status, c.name as speaker,
              (select count(*)::int from outbox_message o where o.job_id = f.id::text) as jobs
       from feedback f left join reporter_contact c on c.feedback_id = f.id
       where f.forum_session_id = ? order by f.external_ref`,
      [sessionId],
    );
    expect(rows).toEqual([
      {
        external_ref: 'MB-001',
        channel: 'FORUM',
        kind: 'COMPLAINT',
        city_code: 'TPI',
        agency_hint_code: 'TPI-PUPR',
        status: 'RECEIVED',
        speaker: 'Pak Harun',
        jobs: 1,
      },
      {
        external_ref: 'MB-003',
        channel: 'FORUM',
        kind: 'COMPLIMENT',
        city_code: 'TPI',
        agency_hint_code: null,
        status: 'RECEIVED',
        speaker: null,
        jobs: 1,
      },
    ]);
  });

  it('treats a re-import of the same refs as duplicates, never second items', async () => {
    const res = await graphql(
      stack.url,
      IMPORT,
      {
        sessionId,
        statements: [
          { externalRef: 'MB-001', text: 'Jalan di Kampung Bulang berlubang besar.' },
          { externalRef: 'MB-003', text: 'Terima kasih.' },
          { externalRef: 'MB-010', text: 'Lampu jalan di Jl. Ganet mati.' },
        ],
      },
      auth,
    );
    expect(res.data!.importForumStatements).toEqual({ imported: 1, duplicates: 2, rejected: [] });
    const [{ n }] = await stack.sql<{ n: number }>(
      'select count(*)::int as n from feedback where forum_session_id = ?',
      [sessionId],
    );
    expect(n).toBe(3);
  });

  it('requires a coordinator of the city or an admin', async () => {
    const input = { cityCode: 'TPI', title: 'Sesi', heldOn: '2026-11-20' };
    const anonymous = await graphql(stack.url, RECORD, { input });
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const otherCity = await graphql(
      stack.url,
      RECORD,
      { input },
      await stack.login('coordinator.mdn@demo.suara.id'),
    );
    expect(otherCity.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const staff = await graphql(
      stack.url,
      IMPORT,
      { sessionId, statements: [{ externalRef: 'x', text: 'y' }] },
      await stack.login('staff.tpi-dlh@demo.suara.id'),
    );
    expect(staff.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const admin = await graphql(
      stack.url,
      RECORD,
      { input },
      await stack.login('admin@demo.suara.id'),
    );
    expect(admin.errors).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown session and BAD_USER_INPUT for a malformed id', async () => {
    const res = await graphql(
      stack.url,
      IMPORT,
      {
        sessionId: '00000000-0000-4000-8000-000000000000',
        statements: [{ externalRef: 'x', text: 'y' }],
      },
      auth,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await graphql(
      stack.url,
      IMPORT,
      {
        sessionId: 'not-a-uuid',
        statements: [{ externalRef: 'x', text: 'y' }],
      },
      auth,
    );
    // An id that cannot be an id is the caller's mistake, named as such.
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sessionId' });
  });

  it('imports a large session in batches', async () => {
    const statements = Array.from({ length: 2_345 }, (_, i) => ({
      externalRef: `BIG-${i}`,
      text: `Pernyataan warga nomor ${i}: drainase tersumbat, mohon dibersihkan.`,
      speaker: i % 3 === 0 ? `Warga ${i}` : null,
    }));
    const res = await graphql(stack.url, IMPORT, { sessionId, statements }, auth);
    expect(res.data!.importForumStatements).toEqual({
      imported: 2_345,
      duplicates: 0,
      rejected: [],
    });
    const [counts] = await stack.sql<{ items: number; speakers: number; codes: number }>(
      `select count(*)::int as items, count(c.id)::int as speakers, count(distinct f.tracking_code)::int as codes
       from feedback f left join reporter_contact c on c.feedback_id = f.id where f.external_ref like 'BIG-%'`,
    );
    expect(counts).toEqual({ items: 2_345, speakers: 782, codes: 2_345 });
  });

  it('imports a CSV file from the command line, with quotes, commas and line breaks in text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'forum-cli-'));
    const file = join(dir, 'sesi.csv');
    await writeFile(
      file,
      'ref,speaker,text,agency,kind\n' +
        'CSV-1,"Bu Lina, Ketua RT","Sampah di TPS ""Pasar Baru"" menumpuk,\nbau sampai ke rumah",TPI-DLH,COMPLAINT\n' +
        'CSV-2,,,TPI-DLH,\n' +
        'CSV-3,Pak Amir,Usul: tambah halte di Jl. Wiratno,,SUGGESTION\n',
    );
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'forum:import', '--session', sessionId, '--file', file],
      {
        env: { ...process.env, DATABASE_URL: stack.config.env.DATABASE_URL },
      },
    ).catch((error: { code: number; stdout: string }) => error);
    expect(result.stdout).toMatch(/Diimpor: 2, duplikat: 0, ditolak: 1/);
    expect(result.stdout).toMatch(/baris data ke-2 ditolak: text:/);
    expect((result as { code?: number }).code).toBe(2);
    const [row] = await stack.sql<{ text: string; name: string }>(
      "select f.text, c.name from feedback f join reporter_contact c on c.feedback_id = f.id where f.external_ref = 'CSV-1'",
    );
    expect(row).toEqual({
      text: 'Sampah di TPS "Pasar Baru" menumpuk,\nbau sampai ke rumah',
      name: 'Bu Lina, Ketua RT',
    });
  });
});
