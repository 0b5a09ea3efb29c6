import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FailedRoutingJob')
export class FailedRoutingJobModel {
  @Field(() => ID)
  jobId: string;

  @Field(() => ID)
  feedbackId: string;

  @Field(() => String, { nullable: true })
  trackingCode?: string;

  @Field(() => Int)
  attemptsMade: number;

  @Field()
  failedReason: string;

  @Field(() => Date, { nullable: true })
  failedAt?: Date;
}

@ObjectType('RoutingModelInfo')
export class RoutingModelInfoModel {
  @Field(() => Int)
  version: number;

  @Field(() => Float, { description: 'Accuracy on the held-back labeled examples' })
  heldOutAccuracy: number;

  @Field(() => Int)
  heldOutSize: number;

  @Field(() => Int)
  trainingSize: number;

  @Field()
  active: boolean;

  @Field()
  trainedAt: Date;

  @Field(() => String, { nullable: true })
  note?: string;
}

@ObjectType('RetrainResult')
export class RetrainResultModel {
  @Field(() => Int)
  version: number;

  @Field(() => Float)
  heldOutAccuracy: number;

  @Field(() => Float, { nullable: true })
  previousAccuracy?: number;

  @Field({ description: 'False when the new model scored worse than the active one' })
  activated: boolean;
}

@ObjectType('ScoredAgencyModel')
export class ScoredAgencyModel {
  @Field()
  agencyCode: string;

  @Field(() => Float)
  score: number;
}

@ObjectType('RoutingDecision')
export class RoutingDecisionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'AUTOMATIC (router) or REROUTE (staff)' })
  kind: string;

  @Field({
    description: 'MODEL, HINT, HINT_CONFIRMED, HINT_OVERRIDDEN, LOW_CONFIDENCE or STAFF_REROUTE',
  })
  basis: string;

  @Field(() => String, { nullable: true, description: 'Null when the item went to triage' })
  agencyCode?: string;

  @Field(() => Float)
  confidence: number;

  @Field(() => [ScoredAgencyModel], { description: 'The top three, best first' })
  alternatives: ScoredAgencyModel[];

  @Field(() => [String])
  decisiveTerms: string[];

  @Field({ description: 'In Indonesian' })
  explanation: string;

  @Field(() => Int, { nullable: true })
  modelVersion?: number;

  @Field()
  createdAt: Date;
}
