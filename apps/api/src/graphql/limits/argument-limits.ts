import { MAX_STATEMENTS_PER_IMPORT, MAX_TEXT_LENGTH } from '@suara/intake';
import { MAX_CIVIL_SERVANTS, MAX_SUGGESTION_BUDGET_IDR, PLAN_LIMITS } from '@suara/training';
import { MAX_PARTNER_NAME } from '@suara/partners';
import { MAX_PAGE } from '@suara/triage';
import { MAX_PUBLIC_PAGE } from '@suara/transparency';
import { type ArgumentLimit, REFERENCE_CODE } from './argument-limit.js';

/**
 * Every string, list and number argument of the API, by schema coordinate
 * (`Type.field` for input fields, `Type.field(arg:)` for arguments), with what
 * the door accepts. `ID` arguments need no entry: they must be UUIDs unless
 * listed here. A String, list or Int argument that is missing from this table
 * stops the API at boot (see `assertEveryArgumentHasALimit`), so a new operation
 * cannot forget its limits.
 */
const text = (maxLength: number): ArgumentLimit => ({ maxLength });
const code: ArgumentLimit = { maxLength: 32, pattern: REFERENCE_CODE };
const page: ArgumentLimit = { min: 1, max: MAX_PAGE };
const version: ArgumentLimit = { min: 0 };
const cursor = text(200);
const year: ArgumentLimit = { min: 2000, max: 2100 };
// YYYY-MM; its shape is checked by the statistics with a message that shows the format.
const month = text(7);

export const ARGUMENT_LIMITS: Readonly<Record<string, ArgumentLimit>> = {
  // Insight (planners, coordinators)
  'Query.recurringClusters(first:)': { min: 1, max: 500 },
  'ClusterFilter.cityCode': code,
  'ClusterFilter.agencyCode': code,
  'ClusterFilter.minSize': { min: 1, max: 100_000 },
  'ComplaintCluster.members(first:)': { min: 1, max: 100 },
  'CompetencyGapFilter.cityCode': code,
  'CompetencyGapFilter.agencyCode': code,
  'CompetencyGapFilter.competencyCode': code,
  'CompetencyGapFilter.status': code,
  'Mutation.reviewCompetencyGap(note:)': text(1_000),

  // Citizens
  'SubmitFeedbackInput.cityCode': code,
  'SubmitFeedbackInput.agencyCode': code,
  'SubmitFeedbackInput.text': text(MAX_TEXT_LENGTH),
  'SubmitFeedbackInput.location': text(300),
  'SubmitFeedbackInput.idempotencyKey': text(128),
  'ReporterInput.name': text(120),
  'ReporterInput.email': text(254),
  'ReporterInput.phone': text(32),
  'Query.feedbackStatus(trackingCode:)': text(32),
  'Mutation.rateResolution(trackingCode:)': text(32),
  'Mutation.rateResolution(score:)': { min: 1, max: 5 },
  'Mutation.rateResolution(comment:)': text(1_000),
  // 28 symbols in four groups; room for the spaces people type.
  'Mutation.rateResolution(citizenSecret:)': text(64),
  'Mutation.eraseMyContact(trackingCode:)': text(32),
  'Mutation.eraseMyContact(citizenSecret:)': text(64),
  'Query.agencyAnswerStats(cityCode:)': code,
  'Query.agencyAnswerStats(from:)': month,
  'Query.agencyAnswerStats(to:)': month,
  'Query.publicReports(cityCode:)': code,
  'Query.publicReports(agencyCode:)': code,
  'Query.publicReports(first:)': { min: 1, max: MAX_PUBLIC_PAGE },
  'Query.publicReports(after:)': cursor,

  // Forums. A statement's own rules reject one row, not the whole import, so its
  // text ceiling here is only against abuse; intake refuses the row past its limit.
  'ForumSessionInput.cityCode': code,
  'ForumSessionInput.hostAgencyCode': code,
  'ForumSessionInput.title': text(200),
  'ForumSessionInput.venue': text(200),
  'Mutation.importForumStatements(statements:)': { maxItems: MAX_STATEMENTS_PER_IMPORT },
  'ForumStatementInput.externalRef': text(128),
  'ForumStatementInput.speaker': text(120),
  'ForumStatementInput.agencyCode': code,
  'ForumStatementInput.text': text(4 * MAX_TEXT_LENGTH),

  // Staff identity
  'Mutation.login(email:)': text(254),
  'Mutation.login(password:)': text(1_024),
  'CreateStaffUserInput.email': text(254),
  'CreateStaffUserInput.name': text(120),
  'CreateStaffUserInput.password': text(1_024),
  'CreateStaffUserInput.agencyCode': code,
  'CreateStaffUserInput.cityCode': code,

  // The staff queue and its commands
  'Query.feedbackQueue(first:)': page,
  'Query.feedbackQueue(after:)': cursor,
  'FeedbackFilter.agencyCode': code,
  'FeedbackFilter.cityCode': code,
  'FeedbackFilter.search': text(200),
  'FeedbackFilter.status': { maxItems: 20 },
  'Query.escalations(cityCode:)': code,
  'Mutation.acknowledgeFeedback(expectedVersion:)': version,
  'Mutation.assignFeedback(expectedVersion:)': version,
  'Mutation.markDuplicate(expectedVersion:)': version,
  'Mutation.rejectFeedback(expectedVersion:)': version,
  'Mutation.rejectFeedback(reason:)': text(1_000),
  'Mutation.rerouteFeedback(expectedVersion:)': version,
  'Mutation.rerouteFeedback(agencyCode:)': code,
  'Mutation.rerouteFeedback(reason:)': text(1_000),
  'Mutation.resolveFeedback(expectedVersion:)': version,
  'Mutation.resolveFeedback(resolution:)': text(MAX_TEXT_LENGTH),
  'Mutation.respondToFeedback(expectedVersion:)': version,
  'Mutation.respondToFeedback(message:)': text(MAX_TEXT_LENGTH),
  'Subscription.feedbackQueueChanged(agencyCode:)': code,

  // Routing administration
  'Mutation.addRoutingPhrases(agencyType:)': code,
  'Mutation.addRoutingPhrases(phrases:)': { maxItems: 500 },
  'Mutation.addRoutingPhrases(phrases:)[]': text(120),

  // Training planners
  'TrainingPlanInput.title': text(PLAN_LIMITS.title),
  'TrainingPlanInput.provider': text(PLAN_LIMITS.provider),
  'TrainingPlanInput.competencyCode': code,
  'TrainingPlanInput.agencyCodes': { maxItems: PLAN_LIMITS.agencies },
  'TrainingPlanInput.agencyCodes[]': code,
  'TrainingPlanInput.participants': { min: 1, max: PLAN_LIMITS.participants },
  'TrainingPlanInput.hoursJp': { min: 1, max: PLAN_LIMITS.hoursJp },
  'TrainingPlanInput.budgetIdr': { min: 0, max: PLAN_LIMITS.budgetIdr },
  'TrainingPlanInput.gapIds': { maxItems: PLAN_LIMITS.gaps },
  'Mutation.updateTrainingPlan(expectedVersion:)': version,
  'Mutation.approveTrainingPlan(expectedVersion:)': version,
  'Mutation.cancelTrainingPlan(expectedVersion:)': version,
  'Mutation.completeTrainingPlan(expectedVersion:)': version,
  'Query.trainingPlans(cityCode:)': code,
  'Query.trainingPlans(year:)': year,
  'Query.trainingYear(cityCode:)': code,
  'Query.trainingYear(year:)': year,
  'Query.suggestTrainingPlans(cityCode:)': code,
  'Query.suggestTrainingPlans(budgetIdr:)': { min: 0, max: MAX_SUGGESTION_BUDGET_IDR },
  'Query.suggestTrainingPlans(year:)': year,
  'Query.agencyWorkforce(cityCode:)': code,
  'Mutation.setAgencyCivilServants(agencyCode:)': code,
  'Mutation.setAgencyCivilServants(civilServants:)': { min: 1, max: MAX_CIVIL_SERVANTS },
  // Partner systems (Open311)
  'Mutation.createPartnerApiKey(name:)': text(MAX_PARTNER_NAME),
};

/** The limit of a list's items, when the list's own entry says how many. */
export function itemCoordinate(coordinate: string): string {
  return `${coordinate}[]`;
}
