import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

const SUBMIT = `mutation($i: SubmitFeedbackInput!) {
  submitFeedback(input: $i) { trackingCode citizenSecret status submittedAt } }`;
const STATUS = `query($code: String!) { feedbackStatus(trackingCode: $code) {
  trackingCode status merged canRate timeline { status note } responses { message } } }`;
const RATE = `mutation($c: String!, $k: String, $s: Int!) {
  rateResolution(trackingCode: $c, citizenSecret: $k, score: $s) { status } }`;
const RESOLVE = `mutation($id: ID!, $r: String!) { resolveFeedback(id: $id, resolution: $r) { status } }`;
const NOT_AN_ID = 'not-a-uuid';

/** The doors a hostile tester found open to citizens' reports (issue 7). */
describe('citizen security', () => {
  let stack: SuaraTestStack;
  let staff: Record<string, string>;
  let admin: Record<string, string>;
  const counts = async () =>
    (
      await stack.sql<{ feedback: number; contacts: number; outbox: number; ratings: number }>(
        `select (select count(*)::int from feedback) as feedback,
                (select count(*)::int from reporter_contact) as contacts,
                (select count(*)::int from outbox_message) as outbox,
                (select count(*)::int from resolution_rating) as ratings`,
      )
    )[0];

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    admin = await stack.login('admin@demo.suara.id');
  });
  afterAll(async () => {
    await stack.stop();
  });

  describe('the citizen secret', () => {
    it('lets only the holder of the receipt rate: a planner who read the code from the queue cannot', async () => {
      const item = await routedItem(stack, 'MDN-DLH');
      expect(item.citizenSecret).toMatch(/^([2-9A-HJ-NP-Z]{7}-){3}[2-9A-HJ-NP-Z]{7}$/);
      await graphql(stack.url, RESOLVE, { id: item.id, r: 'Sudah diangkut.' }, staff);

      const planner = await stack.login('planner@demo.suara.id');
      const queue = await graphql(
        stack.url,
        '{ feedbackQueue(first: 100) { edges { node { id trackingCode } } } }',
        {},
        planner,
      );
      const seen = queue.data!.feedbackQueue.edges.map(
        (e: { node: { trackingCode: string } }) => e.node.trackingCode,
      );
      expect(seen).toContain(item.trackingCode);
      expect(JSON.stringify(queue)).not.toContain(item.citizenSecret);

      const before = await counts();
      const without = await graphql(stack.url, RATE, { c: item.trackingCode, s: 5 }, planner);
      expect(without.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'intake.citizenSecretMissing',
        field: 'citizenSecret',
      });
      const other = await routedItem(stack, 'MDN-DLH');
      for (const wrong of [other.citizenSecret, 'AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA', 'x']) {
        const res = await graphql(stack.url, RATE, { c: item.trackingCode, k: wrong, s: 5 });
        expect(res.errors![0].extensions).toEqual({
          code: 'FORBIDDEN',
          reason: 'intake.citizenSecretWrong',
          field: 'citizenSecret',
        });
      }
      expect((await counts()).ratings).toBe(before.ratings);
      const [unchanged] = await stack.sql<{ status: string }>(
        'select status from feedback where id = ?',
        [item.id],
      );
      expect(unchanged.status).toBe('RESOLVED');

      // Typed by hand: lower case, spaces instead of dashes.
      const typed = item.citizenSecret.toLowerCase().replace(/-/g, ' ');
      const rated = await graphql(stack.url, RATE, { c: item.trackingCode, k: typed, s: 5 });
      expect(rated.errors).toBeUndefined();
      expect(rated.data!.rateResolution.status).toBe('CLOSED');
      const [audit] = await stack.sql<{ actor_type: string }>(
        `select actor_type from audit_entry where subject_id = ? and after->>'status' = 'CLOSED'`,
        [item.id],
      );
      expect(audit.actor_type).toBe('CITIZEN');
    });

    it('is kept only as a hash, and staff never see it', async () => {
      const item = await routedItem(stack, 'MDN-DLH');
      const rows = await stack.sql<{ row: string; hash: string }>(
        'select f::text as row, citizen_secret_hash as hash from feedback f where id = ?',
        [item.id],
      );
      expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
      const compact = item.citizenSecret.replace(/-/g, '');
      expect(rows[0].row).not.toContain(compact);
      expect(rows[0].row).not.toContain(item.citizenSecret);
      const read = await graphql(
        stack.url,
        `{ feedback(id: "${item.id}") { id trackingCode text status } }`,
        {},
        staff,
      );
      expect(read.data!.feedback.trackingCode).toBe(item.trackingCode);
      expect(JSON.stringify(read)).not.toContain(item.citizenSecret);
    });

    it("never shows a duplicate's citizen the original's tracking code, nor lets them rate it", async () => {
      const original = await routedItem(stack, 'MDN-DLH');
      const copy = await routedItem(stack, 'MDN-DLH');
      const marked = await graphql(
        stack.url,
        `
          mutation ($id: ID!, $of: ID!) {
            markDuplicate(id: $id, duplicateOfId: $of) {
              status
            }
          }
        `,
        { id: copy.id, of: original.id },
        staff,
      );
      expect(marked.data!.markDuplicate.status).toBe('DUPLICATE');
      // Staff may quote the original's code in an answer; the duplicate's citizen must not read it.
      await graphql(
        stack.url,
        RESOLVE,
        { id: original.id, r: `Laporan ${original.trackingCode} sudah ditangani.` },
        staff,
      );
      const followed = (await graphql(stack.url, STATUS, { code: copy.trackingCode })).data!
        .feedbackStatus;
      expect(followed).toMatchObject({ status: 'RESOLVED', merged: true, canRate: false });
      expect(followed.responses).toEqual([{ message: 'Laporan laporan lain sudah ditangani.' }]);
      expect(JSON.stringify(followed)).not.toContain(original.trackingCode);

      const withOwnSecret = await graphql(stack.url, RATE, {
        c: original.trackingCode,
        k: copy.citizenSecret,
        s: 5,
      });
      expect(withOwnSecret.errors![0].extensions!.code).toBe('FORBIDDEN');
      // The original's own citizen still sees their code and may rate.
      const own = (await graphql(stack.url, STATUS, { code: original.trackingCode })).data!
        .feedbackStatus;
      expect(own).toMatchObject({
        trackingCode: original.trackingCode,
        merged: false,
        canRate: true,
      });
    });
  });

  describe('idempotency keys', () => {
    const input = {
      cityCode: 'TPI',
      kind: 'COMPLAINT',
      text: 'Petugas meminta uang tambahan untuk surat keterangan domisili.',
      reporter: { phone: '0812 3456 7890' },
      idempotencyKey: 'form-idem-key-0001',
    };

    it('returns the same receipt, secret included, for the same report', async () => {
      const before = await counts();
      const first = await graphql(stack.url, SUBMIT, { i: input });
      expect(first.errors).toBeUndefined();
      const again = await graphql(stack.url, SUBMIT, {
        i: { ...input, text: `  ${input.text}\r\n`, reporter: { phone: '+62 812-3456-7890' } },
      });
      expect(again.data).toEqual(first.data);
      expect((await counts()).feedback).toBe(before.feedback + 1);
    });

    it('refuses the same key with a different report as CONFLICT and stores nothing', async () => {
      const first = await graphql(stack.url, SUBMIT, { i: input });
      const before = await counts();
      for (const other of [
        { ...input, text: 'Laporan lain sama sekali: lampu jalan mati di Jl. Ganet.' },
        { ...input, reporter: { phone: '0813 0000 1111' } },
        { ...input, anonymous: true },
      ]) {
        const res = await graphql(stack.url, SUBMIT, { i: other });
        expect(res.data).toBeNull();
        expect(res.errors![0].extensions).toEqual({
          code: 'CONFLICT',
          reason: 'intake.idempotencyKeyReused',
          field: 'idempotencyKey',
        });
        expect(JSON.stringify(res)).not.toContain(first.data!.submitFeedback.trackingCode);
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('text made to hide what it says', () => {
    it.each([
      ['zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF'],
      ['direction controls', '\u202E\u2066\u2069\u200F'],
      ['combining marks alone', '\u0301\u0301\u0308'],
      ['Hangul fillers', '\u3164\u115F\u1160'],
      ['blank braille', '\u2800\u2800'],
      ['C1 controls', '\u0085\u009B'],
    ])('refuses a report of only %s, storing nothing', async (_name, text) => {
      const before = await counts();
      const res = await graphql(stack.url, SUBMIT, {
        i: { cityCode: 'MDN', kind: 'COMPLAINT', text },
      });
      expect(res.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'intake.textEmpty',
        field: 'text',
      });
      expect(await counts()).toEqual(before);
    });

    it('stores text without direction overrides or C1 controls, emoji intact', async () => {
      const res = await graphql(stack.url, SUBMIT, {
        i: {
          cityCode: 'MDN',
          kind: 'COMPLAINT',
          text: 'Pungli \u202E000.05 pR\u202C di loket\u0085 \u2066Dukcapil\u2069 😡👨‍👩‍👧',
          location: '\u202EJl. Gatot Subroto\u009F',
        },
      });
      const [row] = await stack.sql<{ text: string; location: string }>(
        'select text, location from feedback where tracking_code = ?',
        [res.data!.submitFeedback.trackingCode],
      );
      expect(row).toEqual({
        text: 'Pungli 000.05 pR di loket Dukcapil 😡👨‍👩‍👧',
        location: 'Jl. Gatot Subroto',
      });
    });
  });

  describe('inputs that used to reach a 500', () => {
    const QUEUE = `query($f: FeedbackFilter, $after: String) {
      feedbackQueue(filter: $f, after: $after) { totalCount } }`;
    const cursor = (due: string, submitted: string, id: string) =>
      Buffer.from(JSON.stringify([due, submitted, id])).toString('base64url');

    it.each([
      ['a NUL in search', { f: { search: 'sampah\u0000' } }, 'search', 'triage.controlCharacters'],
      [
        'a NUL in an agency code',
        { f: { agencyCode: 'MDN-DLH\u0000' } },
        'agencyCode',
        'input.notACode',
      ],
      ['a non-UUID assignee', { f: { assigneeId: NOT_AN_ID } }, 'assigneeId', 'input.notAnId'],
      [
        'a cursor holding 9999-99-99',
        {
          after: cursor(
            'infinity',
            '9999-99-99 00:00:00+00',
            '00000000-0000-4000-8000-000000000000',
          ),
        },
        'after',
        'triage.badCursor',
      ],
      [
        'a cursor holding 30 February',
        {
          after: cursor(
            '2026-02-30 10:00:00+07',
            '2026-01-01 00:00:00+00',
            '00000000-0000-4000-8000-000000000000',
          ),
        },
        'after',
        'triage.badCursor',
      ],
    ])('refuses %s in the queue with BAD_USER_INPUT', async (_name, variables, field, reason) => {
      const res = await graphql(stack.url, QUEUE, variables, admin);
      expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason, field });
    });

    it.each([
      ['feedback', `query($x: ID!) { feedback(id: $x) { id } }`, 'id'],
      ['auditTrail', `query($x: ID!) { auditTrail(feedbackId: $x) { action } }`, 'feedbackId'],
      [
        'routingDecisions',
        `query($x: ID!) { routingDecisions(feedbackId: $x) { agencyCode } }`,
        'feedbackId',
      ],
      ['acknowledgeFeedback', `mutation($x: ID!) { acknowledgeFeedback(id: $x) { id } }`, 'id'],
      [
        'respondToFeedback',
        `mutation($x: ID!) { respondToFeedback(id: $x, message: "Baik") { id } }`,
        'id',
      ],
      [
        'resolveFeedback',
        `mutation($x: ID!) { resolveFeedback(id: $x, resolution: "Selesai") { id } }`,
        'id',
      ],
      [
        'rejectFeedback',
        `mutation($x: ID!) { rejectFeedback(id: $x, reason: "Bukan kewenangan") { id } }`,
        'id',
      ],
      [
        'rerouteFeedback',
        `mutation($x: ID!) { rerouteFeedback(id: $x, agencyCode: "MDN-PUPR", reason: "Drainase") { id } }`,
        'id',
      ],
      [
        'assignFeedback (id)',
        `mutation($x: ID!) { assignFeedback(id: $x, assigneeId: "00000000-0000-4000-8000-000000000000") { id } }`,
        'id',
      ],
      [
        'assignFeedback (assigneeId)',
        `mutation($x: ID!) { assignFeedback(id: "00000000-0000-4000-8000-000000000000", assigneeId: $x) { id } }`,
        'assigneeId',
      ],
      [
        'markDuplicate (id)',
        `mutation($x: ID!) { markDuplicate(id: $x, duplicateOfId: "00000000-0000-4000-8000-000000000000") { id } }`,
        'id',
      ],
      [
        'markDuplicate (duplicateOfId)',
        `mutation($x: ID!) { markDuplicate(id: "00000000-0000-4000-8000-000000000000", duplicateOfId: $x) { id } }`,
        'duplicateOfId',
      ],
      [
        'importForumStatements',
        `mutation($x: ID!) { importForumStatements(sessionId: $x, statements: []) { imported } }`,
        'sessionId',
      ],
      [
        'retryRoutingJob',
        `mutation($x: ID!) { retryRoutingJob(feedbackId: $x) { feedbackId } }`,
        'feedbackId',
      ],
      ['deactivateStaffUser', `mutation($x: ID!) { deactivateStaffUser(id: $x) { id } }`, 'id'],
    ])('answers a non-UUID id in %s with a refusal, never a 500', async (_name, query, field) => {
      for (const x of [
        NOT_AN_ID,
        "1' or '1'='1",
        'a\u0000b',
        '00000000-0000-4000-8000-00000000000g',
      ]) {
        const res = await graphql(stack.url, query, { x }, admin);
        if (!res.errors) {
          // A nullable look-up may simply find nothing.
          expect(Object.values(res.data!)).toEqual([null]);
          continue;
        }
        // BAD_USER_INPUT naming the argument where the API's argument door checks
        // the id's shape; NOT_FOUND where the service looks it up and finds nothing.
        const { code, field: named } = res.errors![0].extensions as Record<string, unknown>;
        expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
        if (code === 'BAD_USER_INPUT') expect(named).toBe(field);
      }
    });
  });
});

describe('rate limiting of status look-ups', () => {
  let stack: SuaraTestStack;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({
      env: { PUBLIC_STATUS_RATE_LIMIT: '4', PUBLIC_RATE_LIMIT: '100' },
    });
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('limits feedbackStatus per client, counting every alias, on a budget of its own', async () => {
    const one = '{ feedbackStatus(trackingCode: "ABCDE-23456") { status } }';
    for (let i = 0; i < 3; i++) expect((await graphql(stack.url, one)).errors).toBeUndefined();
    const aliased = await graphql(
      stack.url,
      '{ a: feedbackStatus(trackingCode: "ABCDE-23456") { status } b: feedbackStatus(trackingCode: "ABCDE-23457") { status } }',
    );
    expect(aliased.errors![0].extensions).toEqual({
      code: 'RATE_LIMITED',
      reason: 'api.rateLimited',
    });
    const refused = await graphql(stack.url, one);
    expect(refused.errors![0].extensions).toEqual({
      code: 'RATE_LIMITED',
      reason: 'api.rateLimited',
    });
    expect(refused.errors![0].message).toMatch(
      /Terlalu banyak permintaan.*coba lagi dalam \d+ detik/,
    );

    // Sending a report draws on the other budget.
    const sent = await graphql(stack.url, SUBMIT, {
      i: { cityCode: 'PMS', kind: 'QUESTION', text: 'Kapan pasar malam dibuka?' },
    });
    expect(sent.errors).toBeUndefined();
  });
});
