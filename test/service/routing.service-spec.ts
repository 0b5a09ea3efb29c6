import { randomUUID } from 'node:crypto';
import { FeedbackKind, IntakeService } from '@suara/intake';
import { RoutingModule, RoutingService } from '@suara/routing';
import { ServiceContext } from '@suara/testing';
import { principalOf, trailOf } from './fixtures.js';
import { TEXT_FOR } from '../support/triage-items.js';

/** The router's decisions as the worker's processor asks for them, and what each one stores. */
describe('RoutingService against the database', () => {
  let ctx: ServiceContext;
  let routing: RoutingService;

  beforeAll(async () => {
    ctx = await ServiceContext.start([RoutingModule]);
    routing = ctx.get(RoutingService);
  });
  afterAll(() => ctx?.stop());

  const submit = async (cityCode: string, text: string, agencyCode?: string) => {
    const { trackingCode } = await ctx
      .get(IntakeService)
      .submit({ cityCode, kind: FeedbackKind.COMPLAINT, text, agencyCode });
    const [{ id }] = await ctx.sql<{ id: string }>(
      'select id from feedback where tracking_code = ?',
      [trackingCode],
    );
    return id;
  };
  const itemOf = async (id: string) =>
    (
      await ctx.sql<{ status: string; agency_code: string | null; sla_due_at: Date | null }>(
        'select status, agency_code, sla_due_at from feedback where id = ?',
        [id],
      )
    )[0];
  const decisionsOf = (id: string) =>
    ctx.sql<{ kind: string; basis: string; agency_code: string | null; model_version: number }>(
      'select kind, basis, agency_code, model_version from routing_decision where feedback_id = ?',
      [id],
    );

  it('routes a clear complaint to its agency, with its decision, deadline and audit entry, once', async () => {
    const id = await submit('MDN', TEXT_FOR.DLH);
    expect(await routing.route(id)).toBe('ROUTED');
    const item = await itemOf(id);
    expect(item).toMatchObject({ status: 'ROUTED', agency_code: 'MDN-DLH' });
    expect(new Date(item.sla_due_at!).getTime()).toBeGreaterThan(Date.now());
    const decisions = await decisionsOf(id);
    expect(decisions).toEqual([
      expect.objectContaining({ kind: 'AUTOMATIC', basis: 'MODEL', agency_code: 'MDN-DLH' }),
    ]);
    expect(await trailOf(ctx, id)).toEqual([
      expect.objectContaining({
        action: 'feedback.status_changed',
        actor_type: 'SYSTEM',
        actor_id: 'router',
        before: { status: 'RECEIVED' },
        after: expect.objectContaining({ status: 'ROUTED', agencyCode: 'MDN-DLH' }),
      }),
    ]);

    expect(await routing.route(id)).toBe('ALREADY_ROUTED');
    expect(await decisionsOf(id)).toHaveLength(1);
    expect(await trailOf(ctx, id)).toHaveLength(1);
  });

  it('sends an item it cannot read to the city coordinator, with a routing deadline', async () => {
    const id = await submit('PMS', 'Halo, selamat pagi semuanya. Terima kasih.');
    expect(await routing.route(id)).toBe('NEEDS_TRIAGE');
    const item = await itemOf(id);
    expect(item).toMatchObject({ status: 'NEEDS_TRIAGE', agency_code: null });
    expect(item.sla_due_at).not.toBeNull();
    expect(await decisionsOf(id)).toEqual([
      expect.objectContaining({ basis: 'LOW_CONFIDENCE', agency_code: null }),
    ]);
  });

  it('follows the citizen’s agency when the text agrees or says too little, and overrules it when the text is clear', async () => {
    const confirmed = await submit('TPI', TEXT_FOR.DLH, 'TPI-DLH');
    const followed = await submit('TPI', 'Mohon segera ditindaklanjuti, terima kasih.', 'TPI-PUPR');
    const overruled = await submit('TPI', TEXT_FOR.DUKCAPIL, 'TPI-DISHUB');
    await Promise.all([confirmed, followed, overruled].map((id) => routing.route(id)));
    expect((await decisionsOf(confirmed))[0]).toMatchObject({
      basis: 'HINT_CONFIRMED',
      agency_code: 'TPI-DLH',
    });
    expect((await decisionsOf(followed))[0]).toMatchObject({
      basis: 'HINT',
      agency_code: 'TPI-PUPR',
    });
    expect((await decisionsOf(overruled))[0]).toMatchObject({
      basis: 'HINT_OVERRIDDEN',
      agency_code: 'TPI-DUKCAPIL',
    });
  });

  it('routes an item delivered many times at once exactly once', async () => {
    const id = await submit('KTC', TEXT_FOR.PUPR);
    // Some arrive in the same batch, some a moment later in batches of their own.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        new Promise((r) => setTimeout(r, (i % 3) * 5)).then(() => routing.route(id)),
      ),
    );
    expect(outcomes.every((o) => o === 'ROUTED' || o === 'ALREADY_ROUTED')).toBe(true);
    expect(await decisionsOf(id)).toHaveLength(1);
    expect(await trailOf(ctx, id)).toHaveLength(1);
  });

  it('answers NOT_FOUND for an id that names no item, or is not an id', async () => {
    expect(await routing.route(randomUUID())).toBe('NOT_FOUND');
    expect(await routing.route('not-an-id')).toBe('NOT_FOUND');
  });

  it('queues again only the items left RECEIVED too long without a job', async () => {
    await ctx.sql('delete from outbox_message');
    const lost = await submit('MDN', TEXT_FOR.DINKES);
    const waiting = await submit('MDN', TEXT_FOR.DINKES);
    const young = await submit('MDN', TEXT_FOR.DINKES);
    await ctx.sql(
      `update feedback set submitted_at = now() - interval '1 hour' where id = any(?::uuid[])`,
      [`{${lost},${waiting}}`],
    );
    // The lost item's job is gone (Redis lost it); the waiting one's is still in the outbox.
    await ctx.sql('delete from outbox_message where job_id in (?, ?)', [lost, young]);

    expect(await routing.sweepUnrouted(60_000)).toBe(1);
    const jobs = await ctx.sql<{ job_id: string }>('select job_id from outbox_message order by id');
    expect(jobs.map((j) => j.job_id).sort()).toEqual([lost, waiting].sort());
    expect(await routing.sweepUnrouted(60_000)).toBe(0);
  });

  it('shows an item’s decisions to whoever may read the item, and no one else', async () => {
    const id = await submit('MDN', TEXT_FOR.DUKCAPIL);
    await routing.route(id);
    const staff = await principalOf(ctx, 'staff.mdn-dukcapil@demo.suara.id');
    const elsewhere = await principalOf(ctx, 'coordinator.pms@demo.suara.id');
    const decisions = await routing.decisions(staff, id);
    expect(decisions.map((d) => d.agencyCode)).toEqual(['MDN-DUKCAPIL']);
    await expect(routing.decisions(elsewhere, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(routing.decisions(staff, randomUUID())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
