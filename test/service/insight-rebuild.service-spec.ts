import { MikroORM } from '@mikro-orm/postgresql';
import {
  InsightAnalysisService,
  InsightCurationService,
  InsightModule,
  InsightRebuildService,
} from '@suara/insight';
import { FeedbackKind, IntakeService } from '@suara/intake';
import { ServiceContext } from '@suara/testing';
import { TriageModule } from '@suara/triage';
import { principalOf } from './fixtures.js';

/** Resolves once `ready()` is true, or once `settled` settles (then the test fails on what it sees). */
const until = async (ready: () => Promise<boolean>, settled: Promise<unknown>) => {
  let done = false;
  void settled.finally(() => (done = true));
  while (!done && !(await ready())) await new Promise((r) => setTimeout(r, 20));
};

/** Advisory locks someone is waiting for in this database: how a test sees a batch blocked. */
const waitingFor = async (ctx: ServiceContext) =>
  (
    await ctx.sql<{ n: number }>(
      `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
        where l.locktype = 'advisory' and not l.granted and d.datname = current_database()`,
    )
  )[0].n;

const RUDE = [
  'Petugas loket Puskesmas Helvetia membentak pasien lansia, kasar sekali.',
  'Petugas pendaftaran Puskesmas Helvetia ketus dan membentak pasien lansia di loket.',
  'Di loket Puskesmas Helvetia petugasnya kasar, membentak ibu saya yang sudah lansia.',
  'Petugas loket Puskesmas Helvetia kasar dan membentak pasien lansia lagi minggu ini.',
];

/** `insight:rebuild` against PostgreSQL: a new generation, switched over at the end. */
describe('insight rebuild', () => {
  let ctx: ServiceContext;
  let n = 0;

  beforeAll(async () => {
    ctx = await ServiceContext.start([InsightModule, TriageModule]);
  });
  afterAll(() => ctx?.stop());

  const waiting = () => waitingFor(ctx);
  /** Takes a lock in a transaction of its own and keeps it until `release()`. */
  const holdLock = async (statement: string) => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const done = ctx
      .get(MikroORM)
      .em.fork()
      .transactional(async (tx) => {
        await tx.execute(statement);
        held();
        await released;
      });
    await holding;
    return {
      release: async () => {
        release();
        await done;
      },
    };
  };

  const item = async (text: string) => {
    const { trackingCode } = await ctx.get(IntakeService).submit({
      cityCode: 'MDN',
      kind: FeedbackKind.COMPLAINT,
      text,
      reporter: { name: 'Budi Santoso', email: `warga${++n}@contoh.id` },
    });
    const [{ id }] = await ctx.sql<{ id: string }>(
      `update feedback set status = 'ROUTED', agency_code = 'MDN-DINKES' where tracking_code = ? returning id`,
      [trackingCode],
    );
    return id;
  };
  const active = async () =>
    (
      await ctx.sql<{ generation: number; items: number; clusters: number; sizes: number }>(
        `select g.id as generation,
                (select count(*)::int from insight_item i where i.generation = g.id) as items,
                (select count(*)::int from complaint_cluster c where c.generation = g.id and c.status = 'OPEN') as clusters,
                (select coalesce(sum(size), 0)::int from complaint_cluster c where c.generation = g.id) as sizes
           from insight_generation g where g.status = 'ACTIVE'`,
      )
    )[0];
  const gap = async (competency: string) =>
    (
      await ctx.sql<{ status: string; evidence: number }>(
        `select g.status, (select count(*)::int from gap_evidence e join complaint_cluster c on c.id = e.cluster_id
                            join insight_generation k on k.id = c.generation and k.status = 'ACTIVE'
                           where e.gap_id = g.id) as evidence
           from competency_gap g where g.agency_code = 'MDN-DINKES' and g.competency_code = ?`,
        [competency],
      )
    )[0];

  it('rebuilds into a new generation without counting twice, keeps dismissals and takes items placed meanwhile', async () => {
    const insight = ctx.get(InsightAnalysisService);
    for (const text of RUDE.slice(0, 3)) await insight.analyse(await item(text));
    const before = await active();
    expect(before).toMatchObject({ items: 3, clusters: 1, sizes: 3 });
    const [{ id: gapId }] = await ctx.sql<{ id: string }>(
      `select id from competency_gap where agency_code = 'MDN-DINKES' and competency_code = 'M.03'`,
    );
    await ctx
      .get(InsightCurationService)
      .reviewGap(await principalOf(ctx, 'planner@demo.suara.id'), gapId, 'DISMISS');

    // An item arriving while the rebuild runs is placed by the worker as usual.
    const late = await item(RUDE[3]);
    const [report] = await Promise.all([
      ctx.get(InsightRebuildService).rebuild(),
      insight.analyse(late),
    ]);
    expect(report.generation).toBe(before.generation + 1);
    expect(await active()).toEqual({
      generation: before.generation + 1,
      items: 4,
      clusters: 1,
      sizes: 4,
    });
    expect(await gap('M.03')).toEqual({ status: 'DISMISSED', evidence: 0 });
    expect(await gap('M.05')).toEqual({ status: 'OPEN', evidence: 1 });
    // The old generation's rows are gone: nothing is counted from two generations.
    const [{ rows }] = await ctx.sql<{ rows: number }>(
      `select count(*)::int as rows from insight_item where generation <> ?`,
      [report.generation],
    );
    expect(rows).toBe(0);

    // Rebuilding again (a lexicon change) still counts each item once.
    await ctx.get(InsightRebuildService).rebuild();
    expect(await active()).toMatchObject({ items: 4, clusters: 1, sizes: 4 });
    expect(await gap('M.03')).toEqual({ status: 'DISMISSED', evidence: 0 });
  });
  it('switches over only once no batch is placing into the generations it switches, and never places into a retired one', async () => {
    const insight = ctx.get(InsightAnalysisService);
    const { generation } = await active();
    const id = await item('Petugas loket Puskesmas Helvetia menolak pasien BPJS tanpa alasan.');
    expect(await insight.analyse(id)).toBe('PLACED');
    // Rejected since: the next batch takes it out of the active generation (and the rebuild skips it).
    await ctx.sql(`update feedback set status = 'REJECTED', agency_code = null where id = ?`, [id]);
    // That batch held half-way, waiting for the agency's lock in the active generation.
    const holder = await holdLock(
      `select pg_advisory_xact_lock(hashtext('insight:${generation}:MDN-DINKES'))`,
    );
    const removing = insight.analyse(id);
    await until(async () => (await waiting()) >= 1, removing);

    const rebuild = ctx.get(InsightRebuildService).rebuild();
    await until(async () => (await waiting()) >= 2, rebuild);
    // The switch-over waits for the batch: the generation it places into is still the active one.
    expect((await active()).generation).toBe(generation);
    await holder.release();
    expect(await removing).toBe('REMOVED');
    const report = await rebuild;
    expect(await active()).toMatchObject({ generation: report.generation, items: 4, sizes: 4 });

    // A batch that read the list of generations before the switch leaves the retired one alone.
    const late = await item(RUDE[0]);
    const { status, outcomes } = await insight.placeMany(generation, [late]);
    expect(status).toBe('RETIRED');
    expect(outcomes.size).toBe(0);
    const [{ rows }] = await ctx.sql<{ rows: number }>(
      `select (select count(*)::int from insight_item where generation = ?)
            + (select count(*)::int from complaint_cluster where generation = ?) as rows`,
      [generation, generation],
    );
    expect(rows).toBe(0);
  });

  it("makes a curator's correction and a switch-over wait for each other", async () => {
    const { generation } = await active();
    const ids = [];
    for (const text of RUDE.slice(0, 2)) {
      ids.push(await item(text));
      await ctx.get(InsightAnalysisService).analyse(ids.at(-1)!);
    }
    // A switch-over in progress holds the generation's lock exclusively (two-key form, class 0x5a01).
    const switching = await holdLock(`select pg_advisory_xact_lock(${0x5a01}, ${generation})`);
    const moving = ctx
      .get(InsightCurationService)
      .moveOut(await principalOf(ctx, 'planner@demo.suara.id'), ids[1]);
    try {
      await until(async () => (await waiting()) >= 1, moving);
      const clusterOf = async (id: string) =>
        (
          await ctx.sql<{ cluster_id: string }>(
            'select cluster_id from insight_item where feedback_id = ? and generation = ?',
            [id, generation],
          )
        )[0].cluster_id;
      expect(await clusterOf(ids[1])).toBe(await clusterOf(ids[0]));
    } finally {
      // Also when the expectation fails: a lock left held would hang the suite's teardown.
      await switching.release();
    }
    const own = await moving;
    expect(own).toEqual(expect.any(String));
    const [{ size }] = await ctx.sql<{ size: number }>(
      'select size from complaint_cluster where id = ?',
      [own],
    );
    expect(size).toBe(1);
  });
});
