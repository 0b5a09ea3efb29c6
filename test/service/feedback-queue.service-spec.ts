import type { Principal } from '@suara/identity';
import { FeedbackStatus } from '@suara/intake';
import { ServiceContext } from '@suara/testing';
import { FeedbackQueueService, type QueueFilter, TriageModule } from '@suara/triage';
import { principalOf, routedItem } from './fixtures.js';

/**
 * The staff worklist's keyset paging at the service, where ties can be made
 * exact: items with the same deadline and the same submission time to the
 * microsecond must still page without a gap or a repeat, in the order the
 * database itself gives.
 */
describe('FeedbackQueueService paging against the database', () => {
  let ctx: ServiceContext;
  let queue: FeedbackQueueService;
  let admin: Principal;
  const ids: string[] = [];

  beforeAll(async () => {
    ctx = await ServiceContext.start([TriageModule]);
    queue = ctx.get(FeedbackQueueService);
    admin = await principalOf(ctx, 'admin@demo.suara.id');
    for (const agency of ['KTC-DLH', 'KTC-PUPR', 'KTC-DUKCAPIL']) {
      for (let i = 0; i < 5; i++) ids.push((await routedItem(ctx, agency)).id);
    }
    // Six items share deadline and submission time exactly (only the id orders them),
    // two differ by one microsecond, and two have no deadline at all.
    await ctx.sql(
      `update feedback set sla_due_at = '2026-12-01 09:00:00+00', submitted_at = '2026-11-01 08:00:00.123456+00'
        where id = any(?::uuid[])`,
      [`{${ids.slice(0, 6).join(',')}}`],
    );
    await ctx.sql(
      `update feedback set sla_due_at = '2026-12-01 09:00:00+00', submitted_at = '2026-11-01 08:00:00.123457+00'
        where id = any(?::uuid[])`,
      [`{${ids.slice(6, 8).join(',')}}`],
    );
    await ctx.sql(`update feedback set sla_due_at = null where id = any(?::uuid[])`, [
      `{${ids.slice(8, 10).join(',')}}`,
    ]);
  });
  afterAll(() => ctx?.stop());

  const walk = async (actor: Principal, first: number, filter: QueueFilter = {}) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await queue.page(actor, filter, first, after);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return { seen, total: page.totalCount };
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  };

  const expectedOrder = async (where = 'true', params: unknown[] = []) =>
    (
      await ctx.sql<{ id: string }>(
        `select id from feedback where ${where}
          order by coalesce(sla_due_at, 'infinity'::timestamptz), submitted_at, id`,
        params,
      )
    ).map((r) => r.id);

  it.each([1, 4, 5, 7, 15, 100])(
    'pages %i at a time in the database order, without gaps or repeats',
    async (first) => {
      const { seen, total } = await walk(admin, first);
      expect(seen).toEqual(await expectedOrder());
      expect(total).toBe(15);
    },
  );

  it('skips nothing when an item of an earlier page changes; only that item shows again', async () => {
    const page1 = await queue.page(admin, {}, 5);
    const moved = page1.edges[0].node.id;
    // A later deadline moves the item behind the cursor's position.
    await ctx.sql(`update feedback set sla_due_at = '2027-01-01 00:00:00+00' where id = ?`, [
      moved,
    ]);
    const page2 = await queue.page(admin, {}, 100, page1.pageInfo.endCursor);
    const first = page1.edges.map((e) => e.node.id);
    const second = page2.edges.map((e) => e.node.id);
    expect(second.filter((id) => first.includes(id))).toEqual([moved]);
    expect(new Set([...first, ...second]).size).toBe(15);
  });

  it('keeps each principal to their own part of the queue', async () => {
    const staff = await principalOf(ctx, 'staff.ktc-dlh@demo.suara.id');
    const coordinator = await principalOf(ctx, 'coordinator.ktc@demo.suara.id');
    const otherCoordinator = await principalOf(ctx, 'coordinator.mdn@demo.suara.id');
    const planner = await principalOf(ctx, 'planner@demo.suara.id');

    const own = await walk(staff, 2);
    expect(own.seen).toEqual(await expectedOrder(`agency_code = 'KTC-DLH'`));
    expect(own.total).toBe(5);
    expect((await walk(coordinator, 4)).total).toBe(15);
    expect((await walk(planner, 50)).total).toBe(15);
    expect((await walk(otherCoordinator, 50)).seen).toEqual([]);

    await expect(queue.page(staff, { agencyCode: 'KTC-PUPR' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(queue.page(coordinator, { cityCode: 'MDN' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(queue.page(coordinator, { agencyCode: 'MDN-DLH' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('filters while paging, and counts what the filter matches', async () => {
    const filter = { agencyCode: 'ktc-pupr', status: [FeedbackStatus.ROUTED] };
    const { seen, total } = await walk(admin, 2, filter);
    expect(seen).toEqual(await expectedOrder(`agency_code = 'KTC-PUPR'`));
    expect(total).toBe(5);
  });

  it('refuses a page size out of range or a cursor that is not one, with BAD_USER_INPUT', async () => {
    for (const first of [0, -1, 101, 2.5]) {
      await expect(queue.page(admin, {}, first)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    }
    const forged = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const after of [
      'bm90LWEtY3Vyc29y',
      forged(['infinity', '2026-11-01 08:00:00+00', 'not-a-uuid']),
      forged(['infinity', "2026-11-01'; drop table feedback; --", ids[0]]),
    ]) {
      await expect(queue.page(admin, {}, 5, after)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  // Shaped like a timestamp, but no date: the refusal must come before PostgreSQL
  // reads it, or the client gets an internal error instead of BAD_USER_INPUT.
  it('refuses a cursor with an impossible date with BAD_USER_INPUT, not a database error', async () => {
    const forged = Buffer.from(
      JSON.stringify(['9999-99-99 00:00:00+00', '2026-11-01 08:00:00+00', ids[0]]),
    ).toString('base64url');
    await expect(queue.page(admin, {}, 5, forged)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});
