import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

const PAGE = `query($f: FeedbackFilter, $first: Int, $after: String) {
  feedbackQueue(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id text status kind slaDueAt submittedAt agency { code name } routing { agencyCode confidence explanation } assignee { email } responses { message } } } } }`;

describe('the staff queue', () => {
  let stack: SuaraTestStack;
  let coordinator: Record<string, string>;
  const ids: string[] = [];

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    coordinator = await stack.login('coordinator.tpi@demo.suara.id');
    for (const agency of ['TPI-DLH', 'TPI-DUKCAPIL', 'TPI-PUPR', 'TPI-DINKES']) {
      for (let i = 0; i < 6; i++) ids.push((await routedItem(stack, agency)).id);
    }
    // Deadlines spread out, some equal, one item without a deadline at all.
    await stack.sql(
      `update feedback set sla_due_at = now() + ((abs(hashtext(id::text)) % 4) * interval '1 day') where city_code = 'TPI'`,
    );
    await stack.sql(`update feedback set sla_due_at = null where id = ?`, [ids[0]]);
  });
  afterAll(async () => {
    await stack.stop();
  });

  const page = (variables: Record<string, unknown>) =>
    graphql(stack.url, PAGE, variables, coordinator);

  it('orders by deadline (none last), then submission, and pages by cursor without gaps or repeats', async () => {
    const seen: { id: string; slaDueAt: string | null; submittedAt: string }[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await page({ first: 5, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data!.feedbackQueue;
      expect(conn.totalCount).toBe(24);
      seen.push(...conn.edges.map((e: { node: (typeof seen)[number] }) => e.node));
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(ids));
    const key = (s: (typeof seen)[number]) => [
      s.slaDueAt ? Date.parse(s.slaDueAt) : Infinity,
      Date.parse(s.submittedAt),
    ];
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [key(seen[i - 1]), key(seen[i])];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])).toBe(true);
    }
    expect(seen.at(-1)!.id).toBe(ids[0]);
  });

  it('filters by agency, status and kind, and finds Indonesian words by their stem', async () => {
    const dlh = await page({ f: { agencyCode: 'TPI-DLH', status: ['ROUTED'] } });
    expect(dlh.data!.feedbackQueue.totalCount).toBe(6);
    expect(
      dlh.data!.feedbackQueue.edges.every(
        (e: { node: { agency: { code: string } } }) => e.node.agency.code === 'TPI-DLH',
      ),
    ).toBe(true);
    expect((await page({ f: { status: ['RESOLVED'] } })).data!.feedbackQueue.totalCount).toBe(0);
    expect((await page({ f: { kind: 'SUGGESTION' } })).data!.feedbackQueue.totalCount).toBe(0);

    // "angkut" matches "diangkut"; "pelayanan"-style affixes are stemmed the same way.
    const search = await page({ f: { search: 'angkut sampah' } });
    expect(search.data!.feedbackQueue.totalCount).toBe(6);
    expect(search.data!.feedbackQueue.edges[0].node.text).toMatch(/diangkut/);
    expect((await page({ f: { search: 'blangko' } })).data!.feedbackQueue.totalCount).toBe(6);
    expect((await page({ f: { search: 'kebakaran hutan' } })).data!.feedbackQueue.totalCount).toBe(
      0,
    );
  });

  it('loads the fields of a whole page in a fixed number of queries (no N+1)', async () => {
    const statements: string[] = [];
    const pg = await import('pg');
    const original = pg.default.Client.prototype.query;
    pg.default.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      if (text) statements.push(text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      statements.length = 0;
      const small = await page({ first: 2 });
      const forTwo = statements.length;
      statements.length = 0;
      const large = await page({ first: 24 });
      const forAll = statements.length;
      expect(small.data!.feedbackQueue.edges).toHaveLength(2);
      expect(large.data!.feedbackQueue.edges).toHaveLength(24);
      expect(large.data!.feedbackQueue.edges[3].node.routing.agencyCode).toMatch(/^TPI-/);
      // Queue page and count, then one batch per field: routing, responses (assignee: none set).
      expect(forTwo).toBeGreaterThanOrEqual(4);
      expect(forAll).toBe(forTwo);
    } finally {
      pg.default.Client.prototype.query = original;
    }
  });

  it('refuses a malformed cursor or page size with BAD_USER_INPUT', async () => {
    const cursor = await page({ after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const size = await page({ first: 1000 });
    expect(size.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
