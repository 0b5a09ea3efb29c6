import { Field, ObjectType } from '@nestjs/graphql';
import { FeedbackKind, FeedbackStatus } from '../graphql/enums.js';

@ObjectType()
export class FeedbackReceipt {
  @Field({ description: 'Kode lacak: simpan untuk melihat perkembangan laporan.' })
  trackingCode: string;

  @Field({
    description:
      'Kode rahasia: hanya ditampilkan di tanda terima ini. Diperlukan untuk memberi nilai; jangan dibagikan.',
  })
  citizenSecret: string;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  submittedAt: Date;
}

@ObjectType()
export class AgencySummary {
  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType()
export class TimelineEntry {
  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true })
  note?: string;
}

@ObjectType()
export class PublicResponse {
  @Field()
  message: string;

  @Field()
  at: Date;
}

@ObjectType({
  description: 'What anyone holding the tracking code may see: never who reported it.',
})
export class PublicFeedbackStatus {
  @Field()
  trackingCode: string;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  submittedAt: Date;

  @Field(() => AgencySummary, { nullable: true })
  agency?: AgencySummary;

  @Field({
    description:
      "Merged with an earlier report of the same problem: status, timeline and answers are that report's (never its tracking code)",
  })
  merged: boolean;

  @Field({ description: 'Resolved and waiting for the citizen to rate the answer' })
  canRate: boolean;

  @Field(() => [TimelineEntry])
  timeline: TimelineEntry[];

  @Field(() => [PublicResponse])
  responses: PublicResponse[];
}

@ObjectType()
export class CityOption {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => [AgencySummary])
  agencies: AgencySummary[];
}
