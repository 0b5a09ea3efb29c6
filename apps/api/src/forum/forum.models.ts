import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../graphql/local-date.scalar.js';
import { AgencySummaryModel } from '../intake/intake.models.js';

@ObjectType('ForumSession')
export class ForumSessionModel {
  @Field(() => ID)
  id: string;

  @Field()
  cityCode: string;

  @Field()
  title: string;

  @Field(() => LocalDateScalar)
  heldOn: string;

  @Field(() => String, { nullable: true })
  venue?: string;

  @Field(() => AgencySummaryModel, { nullable: true })
  hostAgency?: AgencySummaryModel;
}

@ObjectType('RejectedStatement')
export class RejectedStatementModel {
  @Field(() => Int, { description: 'Position of the statement in the list sent, from 0' })
  index: number;

  @Field()
  reason: string;
}

@ObjectType('ForumImportResult')
export class ForumImportResultModel {
  @Field(() => Int)
  imported: number;

  @Field(() => Int)
  duplicates: number;

  @Field(() => [RejectedStatementModel])
  rejected: RejectedStatementModel[];
}
