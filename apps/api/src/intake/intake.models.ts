import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FeedbackKind, FeedbackStatus } from '../graphql/enums.js';

@ObjectType('FeedbackReceipt')
export class FeedbackReceiptModel {
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

@ObjectType('AgencySummary')
export class AgencySummaryModel {
  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType('TimelineEntry')
export class TimelineEntryModel {
  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true })
  note?: string;
}

@ObjectType('PublicResponse')
export class PublicResponseModel {
  @Field()
  message: string;

  @Field()
  at: Date;
}

@ObjectType('PublicFeedbackStatus', {
  description: 'What anyone holding the tracking code may see: never who reported it.',
})
export class PublicFeedbackStatusModel {
  @Field()
  trackingCode: string;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  submittedAt: Date;

  @Field(() => AgencySummaryModel, { nullable: true })
  agency?: AgencySummaryModel;

  @Field({
    description:
      "Merged with an earlier report of the same problem: status, timeline and answers are that report's (never its tracking code)",
  })
  merged: boolean;

  @Field({ description: 'Resolved and waiting for the citizen to rate the answer' })
  canRate: boolean;

  @Field(() => [TimelineEntryModel])
  timeline: TimelineEntryModel[];

  @Field(() => [PublicResponseModel])
  responses: PublicResponseModel[];
}

@ObjectType('CityOption')
export class CityOptionModel {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => [AgencySummaryModel])
  agencies: AgencySummaryModel[];
}

@ObjectType('Photo', {
  description: "A report's photo, without metadata; its url works for an hour",
})
export class PhotoModel {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;
}

@ObjectType('CitizenFollowUp', { description: 'What the citizen added after sending the report' })
export class CitizenFollowUpModel {
  @Field()
  message: string;

  @Field()
  at: Date;
}

@ObjectType('CitizenFeedback', {
  description: "The citizen's own report, for the holder of the receipt's secret",
})
export class CitizenFeedbackModel extends PublicFeedbackStatusModel {
  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  location?: string;

  @Field(() => Float, { nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the next step is due (working days), while one is ahead',
  })
  nextStepDueAt?: Date;

  @Field(() => [PhotoModel])
  photos: PhotoModel[];

  @Field(() => [CitizenFollowUpModel])
  followUps: CitizenFollowUpModel[];
}
