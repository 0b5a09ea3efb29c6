import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { FeedbackKind, FeedbackStatus } from '../graphql/enums.js';
import { AgencySummaryModel } from '../intake/intake.models.js';

@ObjectType('AgencyAnswerMonth', {
  description: 'Bagaimana satu instansi menjawab laporan yang masuk pada satu bulan.',
})
export class AgencyAnswerMonthModel {
  @Field()
  cityCode: string;

  @Field()
  agencyCode: string;

  @Field()
  agencyName: string;

  @Field({ description: 'TTTT-BB: bulan laporan dikirim (WIB).' })
  month: string;

  @Field(() => Int, { description: 'Laporan bulan itu yang ditangani instansi ini.' })
  received: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Bagian (0–1) yang diteruskan ke instansi dalam batas waktu (SLA_ROUTE_DAYS hari kerja).',
  })
  routedWithinDeadlineShare: number | null;

  @Field(() => Int, { description: 'Laporan yang sudah mendapat tanggapan pertama.' })
  answered: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median hari kerja dari pengiriman sampai tanggapan pertama (tanggapan publik, dibaca, mulai ditangani, atau selesai; hari yang sama = 0).',
  })
  medianWorkingDaysToFirstAnswer: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Bagian (0–1) yang selesai atau ditutup setelah selesai.',
  })
  resolvedShare: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Bagian (0–1) yang dibuka kembali oleh warga.',
  })
  reopenedShare: number | null;

  @Field(() => Int)
  ratings: number;

  @Field(() => Float, { nullable: true, description: 'Rata-rata nilai warga, 1–5.' })
  averageRating: number | null;
}

@ObjectType('AgencyAnswerRecord')
export class AgencyAnswerRecordModel {
  @Field()
  cityCode: string;

  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => Date, { nullable: true, description: 'Kapan angka terakhir dihitung ulang.' })
  refreshedAt: Date | null;

  // A city has at most a few dozen agencies over at most MAX_MONTHS months.
  @Field(() => [AgencyAnswerMonthModel])
  rows: AgencyAnswerMonthModel[];
}

@ObjectType('PublicReport', {
  description: 'Laporan yang tidak dirahasiakan: data pribadi disamarkan, tanpa identitas pelapor.',
})
export class PublicReportModel {
  @Field()
  trackingCode: string;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  submittedAt: Date;

  @Field()
  cityCode: string;

  @Field(() => AgencySummaryModel, { nullable: true })
  agency?: AgencySummaryModel;

  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  location?: string;
}

@ObjectType('PublicReportPage')
export class PublicReportPageModel {
  // Free: publicReports multiplies one item's cost by the page size.
  @Field(() => [PublicReportModel], { complexity: ({ childComplexity }) => childComplexity })
  items: PublicReportModel[];

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasMore: boolean;
}
