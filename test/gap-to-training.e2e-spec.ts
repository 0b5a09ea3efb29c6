import { graphql } from '@suara/testing';
import { clusteredComplaint } from './support/clustered-items.js';
import { SuaraTestStack } from './support/suara-test-stack.js';

// Three citizens, one recurring problem: rude counter staff at one puskesmas.
const RUDE = [
  'Petugas loket Puskesmas Helvetia membentak pasien lansia, kasar sekali.',
  'Petugas pendaftaran Puskesmas Helvetia ketus dan membentak pasien lansia di loket.',
  'Di loket Puskesmas Helvetia petugasnya kasar, membentak ibu saya yang sudah lansia.',
];

/**
 * The loop Suara exists for, through the public API: recurring complaints become
 * a competency gap in insight; a planner accepts it; the suggestion within a
 * budget proposes training for it; completing that plan marks the gap ADDRESSED
 * in the same transaction, audited; its effectiveness reads insight's evidence.
 */
describe('from recurring complaints to a completed training', () => {
  let stack: SuaraTestStack;
  let planner: Record<string, string>;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    planner = await stack.login('planner@demo.suara.id');
    for (const [i, text] of RUDE.entries())
      await clusteredComplaint(stack, 'MDN-DINKES', text, { email: `warga${i}@contoh.id` });
  });
  afterAll(() => stack?.stop());

  const gaps = async () =>
    (
      await graphql<{
        competencyGaps: { id: string; status: string; competency: { code: string } }[];
      }>(
        stack.url,
        '{ competencyGaps(filter: { agencyCode: "MDN-DINKES" }) { id status competency { code } } }',
        {},
        planner,
      )
    ).data!.competencyGaps;

  it('suggests training for an accepted gap, and completing the plan addresses it', async () => {
    const service = (await gaps()).find((g) => g.competency.code === 'M.05');
    expect(service).toMatchObject({ status: 'OPEN' });
    const reviewed = await graphql(
      stack.url,
      'mutation($id: ID!) { reviewCompetencyGap(id: $id, decision: ACCEPT, note: "Perlu pelatihan") { status } }',
      { id: service!.id },
      planner,
    );
    expect(reviewed.data!.reviewCompetencyGap).toEqual({ status: 'ACCEPTED' });

    const suggestion = await graphql<{
      suggestTrainingPlans: { items: { gapIds: string[]; competency: { code: string } }[] };
    }>(
      stack.url,
      `
        {
          suggestTrainingPlans(cityCode: "MDN", budgetIdr: 500000000, year: 2026) {
            items {
              gapIds
              competency {
                code
              }
            }
          }
        }
      `,
      {},
      planner,
    );
    expect(suggestion.errors).toBeUndefined();
    expect(suggestion.data!.suggestTrainingPlans.items).toContainEqual(
      expect.objectContaining({ gapIds: [service!.id], competency: { code: 'M.05' } }),
    );

    const created = await graphql<{ createTrainingPlan: { id: string; version: number } }>(
      stack.url,
      `
        mutation ($input: TrainingPlanInput!) {
          createTrainingPlan(input: $input) {
            id
            version
            gaps {
              id
              status
            }
          }
        }
      `,
      {
        input: {
          title: 'Pelayanan prima untuk petugas loket puskesmas',
          competencyCode: 'M.05',
          agencyCodes: ['MDN-DINKES'],
          method: 'PELATIHAN',
          route: 'KLASIKAL',
          provider: 'BKPSDM Kota Medan',
          participants: 20,
          hoursJp: 16,
          startsOn: '2026-11-02',
          endsOn: '2026-11-03',
          budgetIdr: 60000000,
          gapIds: [service!.id],
        },
      },
      planner,
    );
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createTrainingPlan;
    await graphql(
      stack.url,
      'mutation($id: ID!) { approveTrainingPlan(id: $id) { status } }',
      { id: plan.id },
      planner,
    );
    const completed = await graphql(
      stack.url,
      'mutation($id: ID!) { completeTrainingPlan(id: $id) { status gaps { id status } } }',
      { id: plan.id },
      planner,
    );
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeTrainingPlan).toEqual({
      status: 'COMPLETED',
      gaps: [{ id: service!.id, status: 'ADDRESSED' }],
    });
    expect((await gaps()).find((g) => g.id === service!.id)).toMatchObject({ status: 'ADDRESSED' });
    const audit = await stack.sql<{ action: string; after: { status: string } }>(
      `select action, after from audit_entry where subject_id = ? and action = 'gap.addressed'`,
      [service!.id],
    );
    expect(audit).toEqual([
      { action: 'gap.addressed', after: expect.objectContaining({ status: 'ADDRESSED' }) },
    ]);

    // The evidence is insight's: the trained agency's complaints of this competency are counted.
    const effect = await graphql<{
      trainingEffectiveness: { verdict: string; weeks: { trained: number }[] };
    }>(
      stack.url,
      'query($id: ID!) { trainingEffectiveness(planId: $id) { verdict weeks { trained } } }',
      { id: plan.id },
      planner,
    );
    expect(effect.errors).toBeUndefined();
    expect(effect.data!.trainingEffectiveness.verdict).toBe('belum cukup data');
  });
});
