import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { FeedbackKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/local-date.scalar.js';
import { AgencySummary } from '../intake/intake.models.js';

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

  @Field(() => AgencySummary, { nullable: true })
  hostAgency?: AgencySummary;
}

@InputType()
export class ForumSessionInput {
  @Field()
  cityCode: string;

  @Field()
  title: string;

  @Field(() => LocalDateScalar)
  heldOn: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  hostAgencyCode?: string | null;
}

@InputType()
export class ForumStatementInput {
  @Field({
    description: "The recorder's reference; re-importing it into the same session is a duplicate",
  })
  externalRef: string;

  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  speaker?: string | null;

  @Field(() => String, { nullable: true })
  agencyCode?: string | null;

  @Field(() => FeedbackKind, { nullable: true, description: 'COMPLAINT when not given' })
  kind?: FeedbackKind | null;
}

@ObjectType()
export class RejectedStatement {
  @Field(() => Int, { description: 'Position of the statement in the list sent, from 0' })
  index: number;

  @Field()
  reason: string;
}

@ObjectType()
export class ForumImportResult {
  @Field(() => Int)
  imported: number;

  @Field(() => Int)
  duplicates: number;

  @Field(() => [RejectedStatement])
  rejected: RejectedStatement[];
}
