import type { Principal } from '@suara/identity';
import { FeedbackStatus } from '@suara/intake';
import { ServiceContext } from '@suara/testing';
import { TriageModule, TriageService } from '@suara/triage';
import { principalOf, routedItem, trailOf } from './fixtures.js';

/**
 * The staff commands of TriageService, called as the resolvers call them: each
 * change goes through the one state machine, is audited in the same commit,
 * and is refused whole when it is not allowed.
 */
describe('TriageService against the database', () => {
  let ctx: ServiceContext;
  let triage: TriageService;
  let staff: Principal;
  let otherStaff: Principal;
  let coordinator: Principal;
  let planner: Principal;

  beforeAll(async () => {
    ctx = await ServiceContext.start([TriageModule]);
    triage = ctx.get(TriageService);
    staff = await principalOf(ctx, 'staff.mdn-dlh@demo.suara.id');
    otherStaff = await principalOf(ctx, 'staff.mdn-dukcapil@demo.suara.id');
    coordinator = await principalOf(ctx, 'coordinator.mdn@demo.suara.id');
    planner = await principalOf(ctx, 'planner@demo.suara.id');
  });
  afterAll(() => ctx?.stop());

  const statusChanges = async (id: string) =>
    (await trailOf(ctx, id)).filter((e) => e.action === 'feedback.status_changed');

  it('moves an item from routed to resolved, one audit entry per change, by whom and why', async () => {
    const item = await routedItem(ctx, 'MDN-DLH');
    const ack = await triage.acknowledge(staff, item.id);
    expect(ack.status).toBe(FeedbackStatus.ACKNOWLEDGED);
    const answered = await triage.respond(staff, item.id, 'Truk dijadwalkan besok.', true);
    expect(answered.status).toBe(FeedbackStatus.IN_PROGRESS);
    const noted = await triage.respond(staff, item.id, 'Catatan internal.', false);
    expect(noted.status).toBe(FeedbackStatus.IN_PROGRESS);
    expect(noted.version).toBeGreaterThan(answered.version);
    const resolved = await triage.resolve(staff, item.id, 'Sampah sudah diangkut.');
    expect(resolved.status).toBe(FeedbackStatus.RESOLVED);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.closeDueAt!.getTime()).toBeGreaterThan(resolved.resolvedAt!.getTime());

    const changes = await statusChanges(item.id);
    expect(changes.map((c) => [c.before?.status, c.after?.status, c.actor_type])).toEqual([
      ['RECEIVED', 'ROUTED', 'SYSTEM'],
      ['ROUTED', 'ACKNOWLEDGED', 'STAFF'],
      ['ACKNOWLEDGED', 'IN_PROGRESS', 'STAFF'],
      ['IN_PROGRESS', 'RESOLVED', 'STAFF'],
    ]);
    expect(changes.slice(1).every((c) => c.actor_id === staff.userId)).toBe(true);
    expect(changes[3].after).toMatchObject({ resolution: 'Sampah sudah diangkut.' });
    const responded = (await trailOf(ctx, item.id)).filter(
      (e) => e.action === 'feedback.responded',
    );
    expect(responded.map((e) => e.after)).toEqual([
      { public: true, message: 'Truk dijadwalkan besok.' },
      { public: false, message: 'Catatan internal.' },
    ]);
    const [row] = await ctx.sql<{ status: string; version: number }>(
      'select status, version from feedback where id = ?',
      [item.id],
    );
    expect(row).toEqual({ status: 'RESOLVED', version: resolved.version });
  });

  it('refuses a move the state machine does not allow, changing and auditing nothing', async () => {
    const item = await routedItem(ctx, 'MDN-DLH');
    await triage.reject(staff, item.id, 'Bukan kewenangan pemerintah kota.');
    const before = await trailOf(ctx, item.id);
    await expect(triage.acknowledge(staff, item.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'status',
    });
    await expect(triage.resolve(staff, item.id, 'Sudah.')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await trailOf(ctx, item.id)).toEqual(before);
  });

  it('refuses a command based on an older version with CONFLICT, and stores nothing of it', async () => {
    const item = await routedItem(ctx, 'MDN-DLH');
    const ack = await triage.acknowledge(staff, item.id);
    await triage.respond(staff, item.id, 'Sedang kami periksa.', true, ack.version);
    const before = await trailOf(ctx, item.id);
    await expect(triage.resolve(staff, item.id, 'Selesai.', ack.version)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'expectedVersion',
    });
    expect(await trailOf(ctx, item.id)).toEqual(before);
    const [{ n }] = await ctx.sql<{ n: number }>(
      'select count(*)::int as n from feedback_response where feedback_id = ?',
      [item.id],
    );
    expect(n).toBe(1);
  });

  it('lets one of two simultaneous commands on the same version through, and refuses the other', async () => {
    const item = await routedItem(ctx, 'MDN-DLH');
    const [{ version }] = await ctx.sql<{ version: number }>(
      'select version from feedback where id = ?',
      [item.id],
    );
    const results = await Promise.allSettled([
      triage.acknowledge(staff, item.id, version),
      triage.reject(coordinator, item.id, 'Laporan ganda.', version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await statusChanges(item.id)).toHaveLength(2);
  });

  it('refuses staff of another agency and planners with FORBIDDEN, and lets the city coordinator act', async () => {
    const item = await routedItem(ctx, 'MDN-DLH');
    await expect(triage.acknowledge(otherStaff, item.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(triage.acknowledge(planner, item.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await statusChanges(item.id)).toHaveLength(1);
    expect((await triage.acknowledge(coordinator, item.id)).status).toBe('ACKNOWLEDGED');
  });

  it('reroutes within the city: new agency and deadline, a staff routing decision, an audited move', async () => {
    const item = await routedItem(ctx, 'MDN-DLH');
    const moved = await triage.reroute(coordinator, item.id, 'MDN-PUPR', 'Ini soal drainase.');
    expect(moved).toMatchObject({ status: 'ROUTED', agencyCode: 'MDN-PUPR' });
    const [last] = (await statusChanges(item.id)).slice(-1);
    expect(last).toMatchObject({
      actor_type: 'STAFF',
      actor_id: coordinator.userId,
      before: { status: 'ROUTED' },
      after: { status: 'ROUTED', from: 'MDN-DLH', to: 'MDN-PUPR', reason: 'Ini soal drainase.' },
    });
    const decisions = await ctx.sql<{ kind: string; basis: string; agency_code: string }>(
      'select kind, basis, agency_code from routing_decision where feedback_id = ? order by created_at',
      [item.id],
    );
    expect(decisions.map((d) => d.kind)).toEqual(['AUTOMATIC', 'REROUTE']);
    expect(decisions[1]).toMatchObject({ basis: 'STAFF_REROUTE', agency_code: 'MDN-PUPR' });

    await expect(
      triage.reroute(coordinator, item.id, 'PMS-PUPR', 'Salah kota.'),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyCode' });
    await expect(triage.reroute(staff, item.id, 'MDN-DLH', 'Kembali.')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('folds a duplicate into the first report of a chain', async () => {
    const first = await routedItem(ctx, 'MDN-DLH');
    const second = await routedItem(ctx, 'MDN-DLH');
    const third = await routedItem(ctx, 'MDN-DLH');
    await triage.markDuplicate(staff, second.id, first.id);
    const folded = await triage.markDuplicate(staff, third.id, second.id);
    expect(folded).toMatchObject({ status: 'DUPLICATE', duplicateOfId: first.id });
    await expect(triage.markDuplicate(staff, first.id, first.id)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'duplicateOfId',
    });
  });
});
