import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { trackingCode status submittedAt } }`;
const STATUS = `query Status($code: String!) { feedbackStatus(trackingCode: $code) {
  trackingCode kind status submittedAt agency { code name } timeline { status at note } responses { message at } } }`;

describe('citizen intake over HTTP', () => {
  let stack: SuaraTestStack;
  const counts = async () =>
    (
      await stack.sql<{ feedback: number; contacts: number; outbox: number }>(
        `select (select count(*)::int from feedback) as feedback,
              (select count(*)::int from reporter_contact) as contacts,
              (select count(*)::int from outbox_message) as outbox`,
      )
    )[0];

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('accepts a complaint and returns a receipt with a readable tracking code', async () => {
    const res = await graphql(stack.url, SUBMIT, {
      input: {
        cityCode: 'MDN',
        kind: 'COMPLAINT',
        text: 'KTP-el saya sudah 3 bulan belum jadi, tiap datang disuruh kembali minggu depan.',
        agencyCode: 'MDN-DUKCAPIL',
        location: 'Kantor Disdukcapil Medan',
        reporter: { name: 'Siti Aminah', email: 'siti@contoh.id', phone: '0812-3456-7890' },
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitFeedback.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(res.data!.submitFeedback.status).toBe('RECEIVED');

    const [row] = await stack.sql<Record<string, unknown>>(
      `select f.text, f.city_code, f.agency_hint_code, f.channel, c.name, c.email, c.phone
       from feedback f join reporter_contact c on c.feedback_id = f.id where f.tracking_code = ?`,
      [res.data!.submitFeedback.trackingCode],
    );
    expect(row).toMatchObject({
      city_code: 'MDN',
      agency_hint_code: 'MDN-DUKCAPIL',
      channel: 'WEB_FORM',
      name: 'Siti Aminah',
      email: 'siti@contoh.id',
      phone: '+6281234567890',
    });
  });

  it('shows the status to anyone with the code, never the reporter', async () => {
    const submitted = await graphql(stack.url, SUBMIT, {
      input: {
        cityCode: 'TPI',
        kind: 'SUGGESTION',
        text: 'Mohon tambah jadwal pengangkutan sampah di Jl. Pramuka.',
        reporter: { name: 'Rahasia Sekali', email: 'rahasia@contoh.id', phone: '081298765432' },
        anonymous: true,
      },
    });
    const code = submitted.data!.submitFeedback.trackingCode as string;
    const res = await graphql(stack.url, STATUS, { code: code.toLowerCase().replace('-', ' ') });
    expect(res.data!.feedbackStatus).toMatchObject({
      trackingCode: code,
      kind: 'SUGGESTION',
      status: 'RECEIVED',
    });
    expect(res.data!.feedbackStatus.timeline[0]).toMatchObject({ status: 'RECEIVED' });
    const body = JSON.stringify(res);
    for (const secret of ['Rahasia', 'rahasia@contoh.id', '81298765432'])
      expect(body).not.toContain(secret);
  });

  it('answers null for an unknown or malformed code', async () => {
    expect(
      (await graphql(stack.url, STATUS, { code: 'ZZZZZ-ZZZZZ' })).data!.feedbackStatus,
    ).toBeNull();
    expect(
      (await graphql(stack.url, STATUS, { code: "'; drop table feedback; --" })).data!
        .feedbackStatus,
    ).toBeNull();
  });

  it('returns the first receipt when a submission is retried with the same idempotency key', async () => {
    const input = {
      cityCode: 'PMS',
      kind: 'QUESTION',
      text: 'Syarat membuat akta kelahiran apa saja?',
      idempotencyKey: 'retry-key-0001',
    };
    const before = await counts();
    const [first, second, third] = await Promise.all([
      graphql(stack.url, SUBMIT, { input }),
      graphql(stack.url, SUBMIT, { input }),
      graphql(stack.url, SUBMIT, { input }),
    ]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    const after = await counts();
    expect(after.feedback - before.feedback).toBe(1);
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and stores nothing', () => {
    const base = { cityCode: 'MDN', kind: 'COMPLAINT', text: 'Lampu jalan mati.' };
    it.each([
      ['an unknown city', { cityCode: 'JKT' }, 'cityCode', 'intake.unknownCity'],
      ['an unknown agency', { agencyCode: 'MDN-NASA' }, 'agencyCode', 'intake.unknownAgency'],
      [
        'an agency of another city',
        { agencyCode: 'TPI-DLH' },
        'agencyCode',
        'intake.agencyOfOtherCity',
      ],
      ['empty text', { text: '' }, 'text', 'intake.textEmpty'],
      ['whitespace text', { text: '   \n  ' }, 'text', 'intake.textEmpty'],
      ['text over 5,000 characters', { text: 'x'.repeat(5_001) }, 'text', 'input.tooLong'],
      [
        'a malformed email',
        { reporter: { email: 'bukan-email' } },
        'reporter.email',
        'intake.invalidEmail',
      ],
      [
        'a non-Indonesian phone',
        { reporter: { phone: '555-0100' } },
        'reporter.phone',
        'intake.invalidPhone',
      ],
    ])('%s', async (_name, override, field, reason) => {
      const before = await counts();
      const res = await graphql(stack.url, SUBMIT, { input: { ...base, ...override } });
      // Refused by the resolver (data: null) or, for declared limits, before execution (no data).
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason, field });
      expect(await counts()).toEqual(before);
    });

    it('an unknown kind is refused by the schema', async () => {
      const res = await graphql(stack.url, SUBMIT, { input: { ...base, kind: 'RANT' } });
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });
  });

  it('stores markup as plain text', async () => {
    const text = '<img src=x onerror=alert(1)> jalan <b>rusak</b>';
    const res = await graphql(stack.url, SUBMIT, {
      input: { cityCode: 'KTC', kind: 'COMPLAINT', text },
    });
    const [row] = await stack.sql<{ text: string }>(
      'select text from feedback where tracking_code = ?',
      [res.data!.submitFeedback.trackingCode],
    );
    expect(row.text).toBe(text);
  });

  describe('GraphQL limits', () => {
    // Further API processes with tight limits, so the small schema can reach them.
    const strictApi = async (env: Record<string, string>) => {
      await stack.startApi(env);
      return stack.urlOf(stack.apis.length - 1);
    };

    it('refuses deep queries', async () => {
      const url = await strictApi({ GRAPHQL_MAX_DEPTH: '1' });
      expect((await graphql(url, '{ cities { code } }')).errors).toBeUndefined();
      const res = await graphql(url, '{ cities { agencies { code } } }');
      expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].extensions!.reason).toBe('request.tooDeep');
    });

    it('refuses too many aliases', async () => {
      const url = await strictApi({ GRAPHQL_MAX_ALIASES: '3' });
      expect(
        (await graphql(url, '{ a: cities { code } b: cities { code } c: cities { code } }')).errors,
      ).toBeUndefined();
      const res = await graphql(
        url,
        '{ a: cities { code } b: cities { code } c: cities { code } d: cities { code } }',
      );
      expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].extensions!.reason).toBe('request.tooManyAliases');
    });

    it('refuses too costly queries', async () => {
      const url = await strictApi({ GRAPHQL_MAX_COMPLEXITY: '10' });
      expect(
        (await graphql(url, '{ cities { code name agencies { code } } }')).errors,
      ).toBeUndefined();
      const res = await graphql(
        url,
        '{ cities { code name agencies { code name } } feedbackStatus(trackingCode: "X") { status kind submittedAt trackingCode } }',
      );
      expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].extensions!.reason).toBe('request.tooComplex');
    });

    it('never returns stack traces', async () => {
      const res = await graphql(stack.url, '{ nonsense }');
      expect(res.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    });
  });

  it('routes a submitted item through the worker: to the named agency, or to triage', async () => {
    await stack.startWorker();
    try {
      const hinted = await graphql(stack.url, SUBMIT, {
        input: {
          cityCode: 'MDN',
          kind: 'COMPLAINT',
          text: 'Drainase tersumbat di Jl. Sei Batang Hari',
          agencyCode: 'MDN-PUPR',
        },
      });
      const unhinted = await graphql(stack.url, SUBMIT, {
        input: {
          cityCode: 'MDN',
          kind: 'COMPLAINT',
          text: 'qwerty asdfgh zxcvb' /* nothing the router can read */,
        },
      });
      const routed = await waitFor('the hinted item to be routed', async () => {
        const s = (
          await graphql(stack.url, STATUS, { code: hinted.data!.submitFeedback.trackingCode })
        ).data!.feedbackStatus;
        return s.status === 'ROUTED' && s;
      });
      expect(routed.agency).toEqual({
        code: 'MDN-PUPR',
        name: expect.stringContaining('Pekerjaan Umum'),
      });
      expect(routed.timeline.map((t: { status: string }) => t.status)).toEqual([
        'RECEIVED',
        'ROUTED',
      ]);
      await waitFor('the unhinted item to reach triage', async () => {
        const s = (
          await graphql(stack.url, STATUS, { code: unhinted.data!.submitFeedback.trackingCode })
        ).data!.feedbackStatus;
        return s.status === 'NEEDS_TRIAGE';
      });
      await waitFor('the outbox to drain', async () => (await counts()).outbox === 0);
      const audits = await stack.sql<{ n: number }>(
        "select count(*)::int as n from audit_entry where action = 'feedback.status_changed' and actor_type = 'SYSTEM'",
      );
      expect(audits[0].n).toBeGreaterThanOrEqual(2);
    } finally {
      await stack.stopWorker();
    }
  });

  it('answers /health with 200 when PostgreSQL and Redis answer', async () => {
    const res = await fetch(`${stack.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});
