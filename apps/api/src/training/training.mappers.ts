import type { AgencyRef } from '@suara/reference';
import { COMPETENCIES } from '@suara/reference';
import type {
  PlanEffectiveness,
  SuggestedItem,
  Suggestion,
  TrainingPlanView,
} from '@suara/training';
import type { CompetencySummaryModel, TrainingPlanModel } from './training-plan.models.js';
import type {
  TrainingEffectivenessModel,
  TrainingSuggestionModel,
} from './training-analysis.models.js';

const names = new Map<string, string>(COMPETENCIES.map((c) => [c.code, c.name]));
const competency = (code: string): CompetencySummaryModel => ({
  code,
  name: names.get(code) ?? code,
});

export function toPlanModel(
  plan: TrainingPlanView,
  agencies: ReadonlyMap<string, AgencyRef>,
): TrainingPlanModel {
  return {
    ...plan,
    competency: competency(plan.competencyCode),
    agencies: plan.agencyCodes.map((code) => ({ code, name: agencies.get(code)?.name ?? code })),
  };
}

export function toSuggestionModel(s: Suggestion): TrainingSuggestionModel {
  return {
    ...s,
    items: s.items.map((i: SuggestedItem) => ({ ...i, competency: competency(i.competencyCode) })),
  };
}

export function toEffectivenessModel(e: PlanEffectiveness): TrainingEffectivenessModel {
  return {
    planId: e.planId,
    verdict: e.verdict,
    rateRatio: e.trained?.ratio ?? null,
    ciLow: e.trained?.ciLow ?? null,
    ciHigh: e.trained?.ciHigh ?? null,
    comparisonRateRatio: e.comparison?.ratio ?? null,
    ratioOfRatios: e.ratioOfRatios?.ratio ?? null,
    ratioCiLow: e.ratioOfRatios?.ciLow ?? null,
    ratioCiHigh: e.ratioOfRatios?.ciHigh ?? null,
    trainedComplaintsBefore: e.windows.trainedBefore.complaints,
    trainedComplaintsAfter: e.windows.trainedAfter.complaints,
    weeksCompared: e.weeksCompared,
    completedOn: e.completedOn,
    explanation: e.explanation,
    weeks: e.weeks,
  };
}
