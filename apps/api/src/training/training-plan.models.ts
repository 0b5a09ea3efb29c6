import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../graphql/local-date.scalar.js';
import { AgencySummaryModel } from '../intake/intake.models.js';
import { TrainingMethod, TrainingPlanStatus, TrainingRoute } from './training.enums.js';

@ObjectType('CompetencySummary')
export class CompetencySummaryModel {
  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType('TrainingPlanGap')
export class TrainingPlanGapModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'OPEN ACCEPTED DISMISSED ADDRESSED; null if unknown',
  })
  status: string | null;
}

@ObjectType('TrainingPlan', {
  description: 'An item of the yearly development plan (PP 11/2017 Pasal 205-207)',
})
export class TrainingPlanModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => TrainingPlanStatus)
  status: TrainingPlanStatus;

  @Field()
  cityCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => CompetencySummaryModel)
  competency: CompetencySummaryModel;

  @Field(() => [String])
  agencyCodes: string[];

  @Field(() => [AgencySummaryModel])
  agencies: AgencySummaryModel[];

  @Field(() => TrainingMethod)
  method: TrainingMethod;

  @Field(() => TrainingRoute)
  route: TrainingRoute;

  @Field()
  provider: string;

  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  hoursJp: number;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => Float)
  budgetIdr: number;

  @Field(() => [TrainingPlanGapModel])
  gaps: TrainingPlanGapModel[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When completed: the effectiveness window starts here',
  })
  completedOn: string | null;

  @Field(() => Int)
  version: number;
}

@InputType('TrainingPlanInput')
export class TrainingPlanInput {
  @Field()
  title: string;

  @Field({ description: 'PermenPANRB 38/2017 code, e.g. M.05 or T-ADMINDUK' })
  competencyCode: string;

  @Field(() => [String], { description: 'Agencies of one city' })
  agencyCodes: string[];

  @Field(() => TrainingMethod)
  method: TrainingMethod;

  @Field(() => TrainingRoute)
  route: TrainingRoute;

  @Field()
  provider: string;

  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  hoursJp: number;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => Float, { description: 'Whole rupiah' })
  budgetIdr: number;

  @Field(() => [ID], {
    nullable: true,
    description: 'ACCEPTED gaps of this competency at these agencies',
  })
  gapIds?: string[] | null;
}

@ObjectType('AgencyTrainingYear')
export class AgencyTrainingYearModel {
  @Field()
  agencyCode: string;

  @Field()
  agencyName: string;

  @Field(() => Int)
  civilServants: number;

  @Field({ description: 'False while the count is the default of the agency type' })
  civilServantsRecorded: boolean;

  @Field(() => Float)
  plannedParticipantJp: number;

  @Field(() => Float)
  jpPerCivilServant: number;

  @Field({ description: 'At least the 20 JP right (PP 17/2020 Pasal 203)' })
  meetsJpRight: boolean;
}

@ObjectType('TrainingYear')
export class TrainingYearModel {
  @Field()
  cityCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  jpRightPerCivilServant: number;

  @Field(() => Int)
  plans: number;

  @Field(() => Float, { description: 'Budget of the plans not cancelled' })
  budgetUsedIdr: number;

  @Field(() => Float)
  budgetCompletedIdr: number;

  @Field(() => Float)
  jpPerCivilServant: number;

  @Field(() => [AgencyTrainingYearModel])
  agencies: AgencyTrainingYearModel[];
}

@ObjectType('AgencyWorkforce')
export class AgencyWorkforceModel {
  @Field()
  agencyCode: string;

  @Field(() => Int)
  civilServants: number;

  @Field()
  recorded: boolean;
}
