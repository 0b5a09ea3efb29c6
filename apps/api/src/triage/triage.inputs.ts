import { Field, ID, InputType } from '@nestjs/graphql';
import { FeedbackKind, FeedbackStatus } from '../graphql/enums.js';

@InputType('FeedbackFilter')
export class FeedbackFilterInput {
  @Field(() => [FeedbackStatus], { nullable: true })
  status?: FeedbackStatus[];

  @Field(() => String, { nullable: true })
  agencyCode?: string;

  @Field(() => String, { nullable: true })
  cityCode?: string;

  @Field(() => FeedbackKind, { nullable: true })
  kind?: FeedbackKind;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the text (Indonesian stemming)',
  })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Open items past their deadline' })
  overdue?: boolean;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;
}
