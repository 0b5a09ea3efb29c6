/** The title the plan below is entered with (exports and the dashboard show it back). */
export const PLAN_TITLE = 'Pelatihan Pelayanan Prima — “Senyum, Sapa, Salam” untuk petugas SIAK';

/**
 * A plan as a planner enters it over GraphQL (`TrainingPlanInput`): service
 * training for Dukcapil Tanjungpinang, with what a test needs changed.
 */
export const trainingPlanInput = (over: Record<string, unknown> = {}) => ({
  title: PLAN_TITLE,
  competencyCode: 'T-ADMINDUK',
  agencyCodes: ['TPI-DUKCAPIL'],
  method: 'PELATIHAN',
  route: 'KLASIKAL',
  provider: 'BPSDM Provinsi Kepulauan Riau',
  participants: 40,
  hoursJp: 24,
  startsOn: '2026-03-02',
  endsOn: '2026-03-05',
  budgetIdr: 150000000,
  gapIds: [],
  ...over,
});
