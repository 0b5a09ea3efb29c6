import { Field, InputType } from '@nestjs/graphql';
import { FeedbackKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/local-date.scalar.js';

@InputType('ForumSessionInput')
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

@InputType('ForumStatementInput')
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
