import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../graphql/local-date.scalar.js';
import { CompetencySummaryModel } from './training-plan.models.js';
import { TrainingMethod, TrainingRoute } from './training.enums.js';

@ObjectType('SuggestedTrainingItem')
export class SuggestedTrainingItemModel {
  @Field(() => CompetencySummaryModel)
  competency: CompetencySummaryModel;

  @Field(() => [String])
  agencyCodes: string[];

  @Field(() => TrainingMethod)
  method: TrainingMethod;

  @Field(() => TrainingRoute)
  route: TrainingRoute;

  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  hoursJp: number;

  @Field(() => Float)
  budgetIdr: number;

  @Field(() => [ID])
  gapIds: string[];

  @Field(() => Float)
  coveredSeverity: number;

  @Field()
  explanation: string;
}

@ObjectType('LeftOutGap')
export class LeftOutGapModel {
  @Field(() => ID)
  gapId: string;

  @Field()
  reason: string;
}

@ObjectType('TrainingSuggestion')
export class TrainingSuggestionModel {
  @Field(() => [SuggestedTrainingItemModel])
  items: SuggestedTrainingItemModel[];

  @Field(() => [LeftOutGapModel])
  leftOut: LeftOutGapModel[];

  @Field(() => Float)
  totalBudgetIdr: number;

  @Field(() => Float)
  coveredSeverity: number;

  @Field(() => Float)
  totalSeverity: number;

  @Field({ description: 'Proven optimal by the integer program' })
  optimal: boolean;

  @Field()
  explanation: string;
}

@ObjectType('TrainingEffectWeek')
export class TrainingEffectWeekModel {
  @Field(() => LocalDateScalar)
  weekStart: string;

  @Field({ description: 'True from the week the plan was completed' })
  after: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Linked complaints per complaint received, trained agencies',
  })
  trained: number | null;

  @Field(() => Float, { nullable: true, description: 'The same at the comparison agencies' })
  comparison: number | null;
}

@ObjectType('TrainingEffectiveness')
export class TrainingEffectivenessModel {
  @Field(() => ID)
  planId: string;

  @Field({ description: '"turun signifikan", "tidak berubah", "naik" or "belum cukup data"' })
  verdict: string;

  @Field(() => Float, { nullable: true, description: 'Trained agencies: rate after / rate before' })
  rateRatio: number | null;

  @Field(() => Float, { nullable: true })
  ciLow: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Comparison agencies: rate after / rate before',
  })
  comparisonRateRatio: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'rateRatio / comparisonRateRatio: what the verdict reads',
  })
  ratioOfRatios: number | null;

  @Field(() => Float, { nullable: true })
  ratioCiLow: number | null;

  @Field(() => Float, { nullable: true })
  ratioCiHigh: number | null;

  @Field(() => Int)
  trainedComplaintsBefore: number;

  @Field(() => Int)
  trainedComplaintsAfter: number;

  @Field(() => Int)
  weeksCompared: number;

  @Field(() => LocalDateScalar, { nullable: true })
  completedOn: string | null;

  @Field()
  explanation: string;

  @Field(() => [TrainingEffectWeekModel])
  weeks: TrainingEffectWeekModel[];
}
