import { DomainError } from '@suara/core';
import type { Principal } from '@suara/identity';
import { ServiceContext } from '@suara/testing';
import {
  AgencyWorkforceService,
  TrainingMethod,
  TrainingModule,
  type TrainingPlanInput,
  TrainingPlansService,
  TrainingPlanStatus,
  TrainingRoute,
  TrainingSuggestionService,
  TrainingYearService,
} from '@suara/training';
import { principalOf, trailOf } from './fixtures.js';

const input = (over: Partial<TrainingPlanInput> = {}): TrainingPlanInput => ({
  title: 'Pelatihan Pelayanan Prima — Dukcapil “SIAK”',
  competencyCode: 'T-ADMINDUK',
  agencyCodes: ['TPI-DUKCAPIL'],
  method: TrainingMethod.PELATIHAN,
  route: TrainingRoute.KLASIKAL,
  provider: 'BPSDM Provinsi Kepulauan Riau',
  participants: 40,
  hoursJp: 24,
  startsOn: '2026-03-02',
  endsOn: '2026-03-05',
  budgetIdr: 150_000_000,
  gapIds: [],
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/**
 * Training plans against the database: one state machine with an audit entry
 * per change, refusals that store nothing, the year's 20 JP view per agency.
 */
describe('Training plans against the database', () => {
  let ctx: ServiceContext;
  let plans: TrainingPlansService;
  let planner: Principal;
  let admin: Principal;
  let staff: Principal;

  beforeAll(async () => {
    ctx = await ServiceContext.start([TrainingModule]);
    plans = ctx.get(TrainingPlansService);
    planner = await principalOf(ctx, 'planner@demo.suara.id');
    admin = await principalOf(ctx, 'admin@demo.suara.id');
    staff = await principalOf(ctx, 'staff.tpi-dukcapil@demo.suara.id');
  });
  afterAll(() => ctx?.stop());

  const count = async () =>
    Number((await ctx.sql<{ n: string }>('select count(*) n from training_plan'))[0].n);

  it('creates a draft for the city and year its agencies and dates name, audited', async () => {
    const plan = await plans.create(planner, input());
    expect(plan).toMatchObject({
      status: TrainingPlanStatus.DRAFT,
      cityCode: 'TPI',
      year: 2026,
      title: 'Pelatihan Pelayanan Prima — Dukcapil “SIAK”',
      budgetIdr: 150_000_000,
      gaps: [],
    });
    const trail = await trailOf(ctx, plan.id);
    expect(trail.map((t) => [t.action, t.actor_type, t.actor_id])).toEqual([
      ['training_plan.created', 'STAFF', planner.userId],
    ]);
  });

  it.each([
    ['an unknown competency', { competencyCode: 'X.99' }, 'competencyCode'],
    ['agencies of two cities', { agencyCodes: ['TPI-DUKCAPIL', 'MDN-DUKCAPIL'] }, 'agencyCodes'],
    ['no agency', { agencyCodes: [] }, 'agencyCodes'],
    ['an end before the start', { endsOn: '2026-03-01' }, 'endsOn'],
    ['an impossible date', { startsOn: '2026-02-30' }, 'startsOn'],
    ['a plan over two years', { endsOn: '2027-01-05' }, 'endsOn'],
    ['a fraction of a rupiah', { budgetIdr: 10.5 }, 'budgetIdr'],
    ['zero participants', { participants: 0 }, 'participants'],
    ['a blank title', { title: ' \u0000 ' }, 'title'],
    ['a gap id that is not a UUID', { gapIds: ['gap-1'] }, 'gapIds'],
    ['a gap no one knows', { gapIds: ['00000000-0000-4000-8000-000000000001'] }, 'gapIds'],
  ])('refuses %s and stores nothing', async (_what, over, field) => {
    const before = await count();
    const error = await refusal(plans.create(planner, input(over)));
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', field]);
    expect(await count()).toBe(before);
  });

  it('lets only planners and admins plan', async () => {
    expect((await refusal(plans.create(staff, input()))).code).toBe('FORBIDDEN');
    expect((await plans.create(admin, input())).status).toBe(TrainingPlanStatus.DRAFT);
  });

  it('moves draft → approved → completed, one audit entry per change, recording the day the window starts', async () => {
    const plan = await plans.create(planner, input());
    const edited = await plans.update(planner, plan.id, input({ hoursJp: 32 }), plan.version);
    expect(edited.hoursJp).toBe(32);
    const approved = await plans.approve(planner, plan.id, edited.version);
    expect(approved.status).toBe(TrainingPlanStatus.APPROVED);

    // An approved plan is no longer a draft to edit, and cannot be approved twice.
    expect((await refusal(plans.update(planner, plan.id, input()))).code).toBe('CONFLICT');
    const twice = await refusal(plans.approve(planner, plan.id));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/Yang diperbolehkan: COMPLETED .*CANCELLED/);

    const completed = await plans.complete(
      planner,
      plan.id,
      approved.version,
      new Date('2026-03-06T20:00:00Z'),
    );
    expect(completed.status).toBe(TrainingPlanStatus.COMPLETED);
    expect(completed.completedOn).toBe('2026-03-07'); // 03:00 WIB on the 7th
    expect((await refusal(plans.cancel(planner, plan.id))).code).toBe('CONFLICT');

    const trail = await trailOf(ctx, plan.id);
    expect(trail.map((t) => [t.action, t.before?.status, t.after?.status])).toEqual([
      ['training_plan.created', undefined, undefined],
      ['training_plan.updated', 'DRAFT', undefined],
      ['training_plan.status_changed', 'DRAFT', 'APPROVED'],
      ['training_plan.status_changed', 'APPROVED', 'COMPLETED'],
    ]);
    expect([trail[1].before?.hoursJp, trail[1].after?.hoursJp]).toEqual([24, 32]);
    expect(trail[3].after).toMatchObject({ completedOn: '2026-03-07', addressedGapIds: [] });
  });

  it('refuses completing a draft, and a command based on a stale version', async () => {
    const plan = await plans.create(planner, input());
    const error = await refusal(plans.complete(planner, plan.id));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/DRAFT .* tidak dapat diubah menjadi COMPLETED/);
    await plans.update(planner, plan.id, input({ title: 'Baru' }));
    expect((await refusal(plans.approve(planner, plan.id, plan.version))).code).toBe('CONFLICT');
    const [row] = await ctx.sql<{ status: string }>(
      'select status from training_plan where id = ?',
      [plan.id],
    );
    expect(row.status).toBe('DRAFT');
    expect((await refusal(plans.approve(planner, 'not-a-uuid'))).code).toBe('NOT_FOUND');
  });

  it('shows the year per agency against the 20 JP right, with admin-recorded civil servants', async () => {
    const workforce = ctx.get(AgencyWorkforceService);
    const year = ctx.get(TrainingYearService);
    expect((await refusal(workforce.set(planner, 'PMS-DINSOS', 30))).code).toBe('FORBIDDEN');
    await workforce.set(admin, 'PMS-DINSOS', 30);
    await workforce.set(admin, 'PMS-DLH', 90);
    const trail = await trailOf(ctx, 'PMS-DINSOS');
    expect(trail.map((t) => [t.action, t.before?.civilServants, t.after?.civilServants])).toEqual([
      ['agency.civil_servants_set', 70, 30],
    ]);

    const common = { startsOn: '2027-05-03', endsOn: '2027-05-06', competencyCode: 'M.05' };
    // 30 × 24 JP at DINSOS alone: 24 JP each.
    await plans.create(
      planner,
      input({
        ...common,
        agencyCodes: ['PMS-DINSOS'],
        participants: 30,
        hoursJp: 24,
        budgetIdr: 90_000_000,
      }),
    );
    // 60 × 10 JP over DINSOS (30) and DLH (90): a quarter of the 600 JP to DINSOS.
    await plans.create(
      planner,
      input({
        ...common,
        agencyCodes: ['PMS-DINSOS', 'PMS-DLH'],
        participants: 60,
        hoursJp: 10,
        budgetIdr: 40_000_000,
      }),
    );
    const cancelled = await plans.create(
      planner,
      input({
        ...common,
        agencyCodes: ['PMS-DLH'],
        participants: 90,
        hoursJp: 40,
        budgetIdr: 500_000_000,
      }),
    );
    await plans.cancel(planner, cancelled.id);

    const view = await year.view(planner, 'pms', 2027);
    expect(view).toMatchObject({
      cityCode: 'PMS',
      year: 2027,
      plans: 2,
      budgetUsedIdr: 130_000_000,
      jpRightPerCivilServant: 20,
    });
    const dinsos = view.agencies.find((a) => a.agencyCode === 'PMS-DINSOS')!;
    expect(dinsos).toMatchObject({
      civilServants: 30,
      civilServantsRecorded: true,
      plannedParticipantJp: 870,
      meetsJpRight: true,
    });
    expect(dinsos.jpPerCivilServant).toBeCloseTo(29);
    const dlh = view.agencies.find((a) => a.agencyCode === 'PMS-DLH')!;
    expect(dlh.jpPerCivilServant).toBeCloseTo(5);
    expect(dlh.meetsJpRight).toBe(false);
    const untouched = view.agencies.find((a) => a.agencyCode === 'PMS-DUKCAPIL')!;
    expect(untouched).toMatchObject({
      civilServants: 80,
      civilServantsRecorded: false,
      jpPerCivilServant: 0,
    });
    expect((await refusal(year.view(staff, 'PMS', 2027))).code).toBe('FORBIDDEN');
  });

  it('suggests nothing, and says so, while no gap source is bound', async () => {
    const s = await ctx.get(TrainingSuggestionService).suggest(planner, 'TPI', 500_000_000, 2026);
    expect(s.items).toEqual([]);
    expect(s.explanation).toMatch(/Dari 0 kesenjangan/);
    expect(
      (await refusal(ctx.get(TrainingSuggestionService).suggest(planner, 'XXX', 1, 2026))).code,
    ).toBe('BAD_USER_INPUT');
  });
});
