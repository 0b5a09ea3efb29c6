import { parse } from 'csv-parse/sync';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { PLAN_TITLE, trainingPlanInput } from './support/training-plans.js';

const PLAN_FIELDS = `id title status cityCode year competency { code name } agencyCodes agencies { code name }
  method route provider participants hoursJp startsOn endsOn budgetIdr gaps { id status } completedOn version`;
const CREATE = `mutation($input: TrainingPlanInput!) { createTrainingPlan(input: $input) { ${PLAN_FIELDS} } }`;

/** The planners' GraphQL operations and CSV exports, over HTTP with the real API. */
describe('Training planning over GraphQL and CSV', () => {
  let stack: SuaraTestStack;
  let planner: Record<string, string>;
  let staff: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    planner = await stack.login('planner@demo.suara.id');
    staff = await stack.login('staff.tpi-dukcapil@demo.suara.id');
    admin = await stack.login('admin@demo.suara.id');
  });
  afterAll(() => stack?.stop());

  const csv = (path: string, headers: Record<string, string> = planner) =>
    fetch(`${stack.url}${path}`, { headers });

  it('takes a plan from draft to completed, and reads it in the year', async () => {
    const created = await graphql(stack.url, CREATE, { input: trainingPlanInput() }, planner);
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createTrainingPlan;
    expect(plan).toMatchObject({
      title: PLAN_TITLE,
      status: 'DRAFT',
      cityCode: 'TPI',
      year: 2026,
      competency: {
        code: 'T-ADMINDUK',
        name: expect.stringContaining('Administrasi kependudukan'),
      },
      agencies: [{ code: 'TPI-DUKCAPIL', name: expect.stringContaining('Tanjungpinang') }],
      budgetIdr: 150000000,
      gaps: [],
      completedOn: null,
    });

    const approve = await graphql(
      stack.url,
      'mutation($id: ID!, $v: Int) { approveTrainingPlan(id: $id, expectedVersion: $v) { status version } }',
      { id: plan.id, v: plan.version },
      planner,
    );
    expect(approve.data!.approveTrainingPlan.status).toBe('APPROVED');
    const complete = await graphql(
      stack.url,
      'mutation($id: ID!) { completeTrainingPlan(id: $id) { status completedOn } }',
      { id: plan.id },
      planner,
    );
    expect(complete.errors).toBeUndefined();
    expect(complete.data!.completeTrainingPlan.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const effect = await graphql(
      stack.url,
      `
        query ($id: ID!) {
          trainingEffectiveness(planId: $id) {
            verdict
            rateRatio
            ciLow
            ciHigh
            comparisonRateRatio
            weeks {
              weekStart
              trained
              comparison
            }
            explanation
          }
        }
      `,
      { id: plan.id },
      planner,
    );
    expect(effect.errors).toBeUndefined();
    expect(effect.data!.trainingEffectiveness).toMatchObject({
      verdict: 'belum cukup data',
      rateRatio: null,
    });

    const year = await graphql(
      stack.url,
      `
        {
          trainingYear(cityCode: "TPI", year: 2026) {
            plans
            budgetUsedIdr
            jpRightPerCivilServant
            agencies {
              agencyCode
              civilServants
              jpPerCivilServant
              meetsJpRight
            }
          }
          trainingPlans(cityCode: "TPI", year: 2026) {
            id
            status
          }
        }
      `,
      {},
      planner,
    );
    expect(year.errors).toBeUndefined();
    expect(year.data!.trainingYear).toMatchObject({
      plans: 1,
      budgetUsedIdr: 150000000,
      jpRightPerCivilServant: 20,
    });
    const dukcapil = year.data!.trainingYear.agencies.find(
      (a: { agencyCode: string }) => a.agencyCode === 'TPI-DUKCAPIL',
    );
    expect(dukcapil).toEqual({
      agencyCode: 'TPI-DUKCAPIL',
      civilServants: 80,
      jpPerCivilServant: 12,
      meetsJpRight: false,
    });
    expect(year.data!.trainingPlans).toEqual([{ id: plan.id, status: 'COMPLETED' }]);
  });

  it('suggests within a budget, and lets admins alone record civil servants', async () => {
    const s = await graphql(
      stack.url,
      '{ suggestTrainingPlans(cityCode: "TPI", budgetIdr: 250000000, year: 2026) { items { gapIds } totalBudgetIdr optimal explanation } }',
      {},
      planner,
    );
    expect(s.errors).toBeUndefined();
    expect(s.data!.suggestTrainingPlans).toMatchObject({
      items: [],
      totalBudgetIdr: 0,
      optimal: true,
    });
    const set =
      'mutation { setAgencyCivilServants(agencyCode: "TPI-DUKCAPIL", civilServants: 48) { civilServants recorded } }';
    expect((await graphql(stack.url, set, {}, planner)).errors![0].extensions!.code).toBe(
      'FORBIDDEN',
    );
    expect((await graphql(stack.url, set, {}, admin)).data!.setAgencyCivilServants).toEqual({
      civilServants: 48,
      recorded: true,
    });
  });

  it('refuses staff, and arguments past their declared limits before any work', async () => {
    const asStaff = await graphql(stack.url, CREATE, { input: trainingPlanInput() }, staff);
    expect(asStaff.errors![0].extensions!.code).toBe('FORBIDDEN');
    const long = await graphql(
      stack.url,
      CREATE,
      { input: trainingPlanInput({ title: 'x'.repeat(201) }) },
      planner,
    );
    expect(long.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const budget = await graphql(
      stack.url,
      '{ suggestTrainingPlans(cityCode: "TPI", budgetIdr: -1, year: 2026) { totalBudgetIdr } }',
      {},
      planner,
    );
    expect(budget.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('exports the yearly plan as CSV in the Pasal 207 columns, UTF-8 with a BOM, characters intact', async () => {
    const res = await csv('/planner/export/plans.csv?year=2026');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0])).toEqual([
      'Tahun',
      'Kota',
      'Nama kegiatan',
      'Kode kompetensi',
      'Kompetensi yang dikembangkan',
      'Instansi sasaran',
      'Jumlah peserta',
      'Jenis pengembangan',
      'Jalur',
      'Penyelenggara',
      'Tanggal mulai',
      'Tanggal selesai',
      'Jumlah JP',
      'Anggaran (Rp)',
      'Status',
      'Kesenjangan yang dijawab',
    ]);
    expect(rows[0]).toMatchObject({
      Tahun: '2026',
      'Nama kegiatan': PLAN_TITLE,
      'Jenis pengembangan': 'pelatihan',
      Jalur: 'klasikal',
      'Anggaran (Rp)': '150000000',
    });

    const effect = parse(await (await csv('/planner/export/effectiveness.csv?year=2026')).text(), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(effect).toHaveLength(1);
    expect(effect[0]).toMatchObject({
      'Nama kegiatan': PLAN_TITLE,
      Kesimpulan: 'belum cukup data',
    });

    const gaps = await csv('/planner/export/gaps.csv');
    expect(gaps.status).toBe(200);
    expect((await gaps.text()).split('\r\n')[0]).toBe(
      'ID kesenjangan,Kota,Kode instansi,Nama instansi,Kode kompetensi,Nama kompetensi,Keparahan,Status,Jumlah klaster bukti,Jumlah pengaduan bukti',
    );
  });

  it('keeps the exports to planners and admins, and checks the year', async () => {
    expect((await csv('/planner/export/plans.csv?year=2026', {})).status).toBe(401);
    expect((await csv('/planner/export/plans.csv?year=2026', staff)).status).toBe(403);
    expect((await csv('/planner/export/plans.csv?year=2026', admin)).status).toBe(200);
    const bad = await csv('/planner/export/plans.csv?year=20x6');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});
