import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { TEXT_FOR } from './support/triage-items.js';
import {
  type Answer,
  Schemas,
  asXmlText,
  call,
  expectValid,
  form,
  json,
} from './support/open311/georeport-client.js';

const CREATE_KEY = `mutation($n: String!) { createPartnerApiKey(name: $n) { id name key keyPrefix revokedAt } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokePartnerApiKey(id: $id) { id revokedAt key } }`;
const LIST_KEYS = `{ partnerApiKeys { id name key keyPrefix revokedAt } }`;
const RATE_LIMIT = 40;

/** A partner system speaking Open311 GeoReport v2 to Suara, over HTTP, in JSON and XML. */
describe('Open311 GeoReport v2', () => {
  let stack: SuaraTestStack;
  let admin: Record<string, string>;
  let apiKey: string;
  let base: string;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({
      worker: true,
      env: { PARTNER_RATE_LIMIT: String(RATE_LIMIT) },
    });
    base = `${stack.url}/open311/v2`;
    admin = await stack.login('admin@demo.suara.id');
    apiKey = (await newKey('Call centre Medan')).key;
  });
  afterAll(async () => {
    await stack.stop();
  });

  async function newKey(name: string): Promise<{ id: string; key: string }> {
    const res = await graphql(stack.url, CREATE_KEY, { n: name }, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.createPartnerApiKey;
  }

  const get = (path: string) => call(`${base}/${path}`);

  /** Both formats of a GET: the JSON checked against its schema, the XML read back and compared. */
  async function both(path: string, root: string, item: string | undefined) {
    const [asJson, asXml] = await Promise.all([
      get(path.replace('{f}', 'json')),
      get(path.replace('{f}', 'xml')),
    ]);
    expect(asJson.status).toBe(asXml.status);
    expect(asJson.type).toBe('application/json; charset=utf-8');
    expect(asXml.type).toBe('text/xml; charset=utf-8');
    expect(asXml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const xmlBody = asXml.body[root];
    if (item) {
      const items = xmlBody === '' ? [] : (xmlBody[item] as unknown[]);
      expect(items).toEqual(asXmlText(asJson.body));
    }
    return { json: asJson, xml: asXml, xmlBody };
  }

  function expectErrors(answer: Answer, status: number) {
    expect(answer.status).toBe(status);
    if (answer.type.includes('json')) {
      expectValid(Schemas.errors, answer.body);
      expect(answer.body[0].code).toBe(status);
    } else {
      const errors = answer.body.errors.error;
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0].code).toBe(String(status));
      expect(errors[0].description).toEqual(expect.any(String));
    }
    expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+|Error:|stack/);
  }

  async function submit(params: Record<string, string | number>, format = 'json') {
    return call(`${base}/requests.${format}`, form({ api_key: apiKey, ...params }));
  }

  /** Waits for the worker to route a report, so that its two formats are read in the same state. */
  const routed = (code: string) =>
    waitFor(`${code} to be routed`, async () => {
      const answer = await get(`requests/${code}.json`);
      return answer.body[0]?.agency_responsible && answer;
    });

  async function itemOf(trackingCode: string) {
    const [row] = await stack.sql<{ id: string; status: string; channel: string }>(
      'select id, status, channel from feedback where tracking_code = ?',
      [trackingCode],
    );
    return row;
  }

  it('describes itself: discovery in JSON and XML', async () => {
    const { json: d, xmlBody } = await both('discovery.{f}', 'discovery', undefined);
    expect(d.status).toBe(200);
    expectValid(Schemas.discovery, d.body);
    expect(d.body.endpoints[0].url).toBe(base);
    expect(xmlBody.changeset).toBe(d.body.changeset);
    expect(xmlBody.endpoints.endpoint[0].url).toBe(base);
    expect(xmlBody.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists a service per agency type plus the general one, each with a definition', async () => {
    const { json: services } = await both(
      'services.{f}?jurisdiction_id=MDN',
      'services',
      'service',
    );
    expect(services.status).toBe(200);
    expectValid(Schemas.services, services.body);
    const codes = services.body.map((s: { service_code: string }) => s.service_code);
    expect(codes).toEqual(
      expect.arrayContaining(['UMUM', 'DUKCAPIL', 'DLH', 'PUPR', 'KECAMATAN', 'DISKOMINFO']),
    );
    expect(codes).toHaveLength(13);
    expect(
      services.body.find((s: { service_code: string }) => s.service_code === 'DLH'),
    ).toMatchObject({
      service_name: 'Sampah dan lingkungan',
      metadata: true,
      type: 'realtime',
      group: 'Lingkungan',
      keywords: expect.stringContaining('sampah'),
    });
    // Services are the same in every city: jurisdiction_id may be left out when reading.
    expect((await get('services.json')).body).toEqual(services.body);

    for (const code of codes) {
      const { json: d, xmlBody } = await both(
        `services/${code}.{f}`,
        'service_definition',
        undefined,
      );
      expect(d.status).toBe(200);
      expectValid(Schemas.serviceDefinition, d.body);
      // In XML a list's items sit in an element of their own: <values><value>…</value></values>.
      const asXml = d.body.attributes.map((a: { values?: unknown[] }) =>
        a.values ? { ...a, values: { value: a.values } } : a,
      );
      expect(xmlBody.attributes.attribute).toEqual(asXmlText(asXml));
    }
    const definition = (await get('services/DLH.json')).body;
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual([
      'kind',
      'anonymous',
      'confidential',
      'idempotency_key',
    ]);
  });

  it('refuses unknown jurisdictions, services, requests, formats and endpoints with 404 in the format asked', async () => {
    for (const f of ['json', 'xml']) {
      expectErrors(await get(`services.${f}?jurisdiction_id=XYZ`), 404);
      expectErrors(await get(`services/NOPE.${f}`), 404);
      expectErrors(await get(`requests/AAAAA-BBBBB.${f}`), 404);
      expectErrors(await get(`requests/not-a-code.${f}`), 404);
      expectErrors(await get(`requests.${f}?jurisdiction_id=XYZ`), 404);
      expectErrors(await get(`tokens/abc.${f}`), 404);
      expectErrors(
        await submit(
          { jurisdiction_id: 'XYZ', service_code: 'DLH', description: 'x', lat: 1, long: 1 },
          f,
        ),
        404,
      );
      expectErrors(
        await submit(
          { jurisdiction_id: 'MDN', service_code: 'NOPE', description: 'x', lat: 1, long: 1 },
          f,
        ),
        404,
      );
    }
    expectErrors(await get('requests.csv'), 404);
  });

  it('takes a report with a key, routes it, and follows it to closed with the public answer, in JSON and XML', async () => {
    const sent = await submit({
      jurisdiction_id: 'MDN',
      service_code: 'DLH',
      description: TEXT_FOR.DLH,
      lat: 3.5952,
      long: 98.6722,
      address_string: 'Jl. Sei Batang Hari, Medan Sunggal',
      first_name: 'Siti',
      last_name: 'Aminah',
      email: 'siti@contoh.id',
      phone: '0812-3456-7890',
      'attribute[anonymous]': 'true',
    });
    expect(sent.status).toBe(201);
    expectValid(Schemas.created, sent.body);
    const code: string = sent.body[0].service_request_id;
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(sent.body[0].service_notice).toContain(code);

    const item = await itemOf(code);
    expect(item.channel).toBe('OPEN311');
    const [contact] = await stack.sql(
      'select name, email, phone from reporter_contact where feedback_id = ?',
      [item.id],
    );
    expect(contact).toEqual({
      name: 'Siti Aminah',
      email: 'siti@contoh.id',
      phone: '+6281234567890',
    });
    const [{ anonymous }] = await stack.sql<{ anonymous: boolean }>(
      'select anonymous from feedback where id = ?',
      [item.id],
    );
    expect(anonymous).toBe(true);

    const first = await routed(code);
    expectValid(Schemas.requests, first.body);
    expect(first.body[0]).toMatchObject({
      service_request_id: code,
      status: 'open',
      service_code: 'DLH',
      service_name: 'Sampah dan lingkungan',
      agency_responsible: 'Dinas Lingkungan Hidup Kota Medan',
      lat: 3.5952,
      long: 98.6722,
      address: 'Jl. Sei Batang Hari, Medan Sunggal',
      media_url: null,
    });
    expect(first.body[0].expected_datetime).toMatch(/\+07:00$/);
    expect(first.text).not.toMatch(/Siti|Aminah|siti@contoh|3456/);

    const staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    const run = async (query: string, variables: Record<string, unknown>) => {
      const res = await graphql(stack.url, query, variables, staff);
      expect(res.errors).toBeUndefined();
    };
    await run('mutation($id: ID!) { acknowledgeFeedback(id: $id) { status } }', { id: item.id });
    await run(
      'mutation($id: ID!, $m: String!) { respondToFeedback(id: $id, message: $m) { status } }',
      {
        id: item.id,
        m: 'Truk sampah dijadwalkan besok pagi.',
      },
    );
    const during = (await get(`requests/${code}.json`)).body[0];
    expect(during).toMatchObject({
      status: 'open',
      status_notes: 'Truk sampah dijadwalkan besok pagi.',
    });
    await run(
      'mutation($id: ID!, $m: String!) { respondToFeedback(id: $id, message: $m, public: false) { status } }',
      {
        id: item.id,
        m: 'Catatan internal: sopir cuti.',
      },
    );
    await run(
      'mutation($id: ID!, $r: String!) { resolveFeedback(id: $id, resolution: $r) { status } }',
      {
        id: item.id,
        r: 'Sampah sudah diangkut dan TPS dibersihkan.',
      },
    );

    const { json: done, xml } = await both(`requests/${code}.{f}`, 'service_requests', 'request');
    expectValid(Schemas.requests, done.body);
    expect(done.body[0]).toMatchObject({
      status: 'closed',
      status_notes: 'Sampah sudah diangkut dan TPS dibersihkan.',
      expected_datetime: null,
    });
    expect(new Date(done.body[0].updated_datetime).getTime()).toBeGreaterThanOrEqual(
      new Date(done.body[0].requested_datetime).getTime(),
    );
    expect(done.text + xml.text).not.toContain('Catatan internal');

    const closedList = await both(
      'requests.{f}?jurisdiction_id=MDN&status=closed&service_code=DLH',
      'service_requests',
      'request',
    );
    expectValid(Schemas.requests, closedList.json.body);
    expect(
      closedList.json.body.map((r: { service_request_id: string }) => r.service_request_id),
    ).toContain(code);
    const openList = (await get('requests.json?status=open')).body;
    expect(openList.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(
      code,
    );

    const [trail] = await stack.sql<{ actor_type: string; actor_id: string }>(
      `select actor_type, actor_id from audit_entry where action = 'PARTNER_SUBMITTED' and subject_id = ?`,
      [item.id],
    );
    expect(trail.actor_type).toBe('PARTNER');
  });

  it('routes the general service from the text and accepts JSON bodies with an XML answer', async () => {
    const sent = await call(
      `${base}/requests.xml`,
      json({
        api_key: apiKey,
        jurisdiction_id: 'mdn',
        service_code: 'UMUM',
        description: TEXT_FOR.PUPR,
        address_string: 'Jl. Gatot Subroto depan SD Negeri 060',
        attribute: { kind: 'COMPLAINT' },
      }),
    );
    expect(sent.status).toBe(201);
    const [created] = sent.body.service_requests.request;
    expect(created.service_request_id).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const answer = await waitFor('the general report to be routed', async () => {
      const a = await get(`requests/${created.service_request_id}.json?jurisdiction_id=MDN`);
      return a.body[0]?.agency_responsible && a.body[0];
    });
    expect(answer).toMatchObject({
      service_code: 'UMUM',
      agency_responsible: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Medan',
      lat: null,
      long: null,
    });
    // Asked for in another city, the same code is not found.
    expectErrors(await get(`requests/${created.service_request_id}.json?jurisdiction_id=TPI`), 404);
  });

  it('makes a resent request harmless with an idempotency key, and refuses the key for another report', async () => {
    const params = {
      jurisdiction_id: 'TPI',
      service_code: 'DUKCAPIL',
      description: TEXT_FOR.DUKCAPIL,
      lat: 0.9186,
      long: 104.4554,
      'attribute[idempotency_key]': 'callcentre-2026-000123',
    };
    const first = await submit(params);
    const again = await submit(params);
    expect(again.status).toBe(201);
    expect(again.body[0].service_request_id).toBe(first.body[0].service_request_id);
    const [{ n }] = await stack.sql<{ n: number }>(
      `select count(*)::int as n from feedback where text = ? and city_code = 'TPI'`,
      [TEXT_FOR.DUKCAPIL],
    );
    expect(n).toBe(1);
    expectErrors(
      await submit({ ...params, description: 'Laporan lain dengan kunci yang sama.' }),
      409,
    );
    // The header does the same.
    const byHeader = () =>
      call(
        `${base}/requests.json`,
        json(
          { ...params, api_key: apiKey, 'attribute[idempotency_key]': undefined },
          { 'idempotency-key': 'hdr-key-0000001' },
        ),
      );
    expect((await byHeader()).body[0].service_request_id).toBe(
      (await byHeader()).body[0].service_request_id,
    );
  });

  it('never lists a confidential report, and shows it by its code without its text or place', async () => {
    const secret = await submit({
      jurisdiction_id: 'MDN',
      service_code: 'DINKES',
      description:
        'Petugas puskesmas meminta uang pelicin kepada pasien BPJS. Rahasiakan laporan ini.',
      address_string: 'Puskesmas Padang Bulan',
      'attribute[confidential]': 'true',
    });
    expect(secret.status).toBe(201);
    const code = secret.body[0].service_request_id;
    for (const path of [
      'requests.json',
      `requests.json?service_request_id=${code}`,
      'requests.json?service_code=DINKES',
      'requests.json?jurisdiction_id=MDN&status=open,closed',
    ]) {
      const list = await get(path);
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(code);
      expect(list.text).not.toContain('uang pelicin');
    }
    await routed(code);
    const own = await both(`requests/${code}.{f}`, 'service_requests', 'request');
    expectValid(Schemas.requests, own.json.body);
    expect(own.json.body[0]).toMatchObject({
      service_request_id: code,
      description: null,
      address: null,
    });
    expect(own.json.text + own.xml.text).not.toContain('pelicin');
  });

  it('masks personal data in public descriptions and never shows who reported', async () => {
    const sent = await submit({
      jurisdiction_id: 'PMS',
      service_code: 'DUKCAPIL',
      description:
        'KK saya 1271012345670001 salah nama, hubungi 0813-2222-3333 atau budi.santoso@contoh.id. Mobil BK 1234 ABC menghalangi kantor.',
      address_string: 'Kantor Disdukcapil Pematangsiantar',
      first_name: 'Budi',
      last_name: 'Santoso',
      email: 'budi.santoso@contoh.id',
    });
    const code = sent.body[0].service_request_id;
    await routed(code);
    const { json: listed } = await both(
      `requests.{f}?service_request_id=${code}`,
      'service_requests',
      'request',
    );
    expectValid(Schemas.requests, listed.body);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].description).toBe(
      'KK saya [NIK/KK] salah nama, hubungi [telepon] atau [email]. Mobil [plat nomor] menghalangi kantor.',
    );
    expect(listed.text).not.toMatch(/Budi|Santoso|1271012345670001|2222|contoh\.id/);
  });

  it('refuses missing and invalid parameters with 400, never a 500 or a stack trace', async () => {
    const ok = {
      jurisdiction_id: 'MDN',
      service_code: 'DLH',
      description: TEXT_FOR.DLH,
      lat: 3.59,
      long: 98.67,
    };
    const bad: Record<string, string | number>[] = [
      { ...ok, jurisdiction_id: '' },
      { ...ok, service_code: '' },
      { ...ok, description: '' },
      { ...ok, description: 'a'.repeat(4_001) },
      { ...ok, description: '\u200B\u200B' },
      { ...ok, lat: 'utara' },
      { ...ok, lat: 91 },
      { jurisdiction_id: 'MDN', service_code: 'DLH', description: 'x', lat: 3.5 },
      { jurisdiction_id: 'MDN', service_code: 'DLH', description: 'x' },
      { jurisdiction_id: 'MDN', service_code: 'DLH', description: 'x', address_id: 'A-1' },
      { ...ok, email: 'bukan-email' },
      { ...ok, phone: '12' },
      { ...ok, 'attribute[anonymous]': 'mungkin' },
      { ...ok, 'attribute[kind]': 'PRAISE' },
      { ...ok, 'attribute[warna]': 'merah' },
      { ...ok, 'attribute[idempotency_key]': 'pendek' },
    ];
    for (const params of bad) {
      for (const f of ['json', 'xml']) expectErrors(await submit(params, f), 400);
    }
    for (const f of ['json', 'xml']) {
      expectErrors(await get(`requests.${f}?status=pending`), 400);
      expectErrors(await get(`requests.${f}?start_date=kemarin`), 400);
      expectErrors(
        await get(`requests.${f}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`),
        400,
      );
      expectErrors(await get(`requests.${f}?service_request_id=a,b`), 400);
      expectErrors(await get(`requests.${f}?status=open&status=closed`), 400);
      expectErrors(await get(`services.${f}?jurisdiction_id=${'X'.repeat(500)}`), 400);
      expectErrors(
        await call(`${base}/requests.${f}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"api_key": ',
        }),
        400,
      );
    }
    const window = await get(
      'requests.json?start_date=2026-11-01&end_date=2026-11-30T23:59:59%2B07:00',
    );
    expect(window.status).toBe(200);
    expectValid(Schemas.requests, window.body);
  });

  it('refuses missing, wrong and revoked keys with 403, and manages keys for admins only', async () => {
    const params = {
      jurisdiction_id: 'MDN',
      service_code: 'DLH',
      description: TEXT_FOR.DLH,
      lat: 3.59,
      long: 98.67,
    };
    for (const f of ['json', 'xml']) {
      expectErrors(await call(`${base}/requests.${f}`, form(params)), 403);
      expectErrors(
        await call(`${base}/requests.${f}`, form({ ...params, api_key: 'suara_salah' })),
        403,
      );
      expectErrors(
        await call(`${base}/requests.${f}`, form({ ...params, api_key: apiKey.slice(0, -1) })),
        403,
      );
    }
    const partner = await newKey('Aplikasi Kelurahan Sei Kera');
    expect(
      (await call(`${base}/requests.json`, form({ ...params, api_key: partner.key }))).status,
    ).toBe(201);

    const listed = await graphql(stack.url, LIST_KEYS, {}, admin);
    const mine = listed.data!.partnerApiKeys.find((k: { id: string }) => k.id === partner.id);
    expect(mine).toMatchObject({ name: 'Aplikasi Kelurahan Sei Kera', key: null, revokedAt: null });
    expect(partner.key.startsWith(mine.keyPrefix)).toBe(true);
    const [stored] = await stack.sql<{ key_hash: string }>(
      'select key_hash from partner_api_key where id = ?',
      [partner.id],
    );
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await stack.sql('select * from partner_api_key'))).not.toContain(
      partner.key,
    );

    const revoked = await graphql(stack.url, REVOKE_KEY, { id: partner.id }, admin);
    expect(revoked.data!.revokePartnerApiKey).toMatchObject({
      id: partner.id,
      key: null,
      revokedAt: expect.any(String),
    });
    for (const f of ['json', 'xml'])
      expectErrors(
        await call(`${base}/requests.${f}`, form({ ...params, api_key: partner.key })),
        403,
      );

    const actions = await stack.sql<{ action: string; actor_type: string }>(
      `select action, actor_type from audit_entry where subject_id = ? order by id`,
      [partner.id],
    );
    expect(actions).toEqual([
      { action: 'PARTNER_KEY_CREATED', actor_type: 'STAFF' },
      { action: 'PARTNER_KEY_REVOKED', actor_type: 'STAFF' },
    ]);

    const staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    const refused = await graphql(stack.url, CREATE_KEY, { n: 'Bukan admin' }, staff);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await graphql(stack.url, LIST_KEYS, {});
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('limits each key on its own, shared by every API process', async () => {
    const partner = await newKey('Sistem yang terlalu rajin');
    const other = await stack.startApi();
    const urls = [base, `${stack.urlOf(stack.apis.indexOf(other))}/open311/v2`];
    // Valid in shape, refused by intake (an invalid e-mail): each still counts against the key.
    const params = {
      api_key: partner.key,
      jurisdiction_id: 'MDN',
      service_code: 'DLH',
      description: TEXT_FOR.DLH,
      lat: 3.59,
      long: 98.67,
      email: 'bukan-email',
    };
    for (let i = 0; i < RATE_LIMIT; i++)
      expectErrors(await call(`${urls[i % 2]}/requests.json`, form(params)), 400);
    expectErrors(await call(`${urls[0]}/requests.json`, form(params)), 429);
    expectErrors(await call(`${urls[1]}/requests.xml`, form(params)), 429);
    // Another key is not affected.
    expectErrors(await call(`${base}/requests.json`, form({ ...params, api_key: apiKey })), 400);
  });
});
