import { Field, Float, InputType } from '@nestjs/graphql';
import { FeedbackKind } from '../graphql/enums.js';

@InputType('ReporterInput')
export class ReporterInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Nomor Indonesia: 08…, 62… atau +62…' })
  phone?: string | null;
}

@InputType('SubmitFeedbackInput')
export class SubmitFeedbackInput {
  @Field({ description: 'PMS, TPI, KTC or MDN' })
  cityCode: string;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field({ description: 'Isi laporan, paling banyak 5.000 karakter' })
  text: string;

  @Field(() => String, {
    nullable: true,
    description: 'Instansi yang dituju bila diketahui, mis. MDN-DUKCAPIL',
  })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lintang (WGS84) dari "Gunakan lokasi saya"; harus di dalam atau dekat kota',
  })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Bujur (WGS84), bersama latitude' })
  longitude?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Token dari POST /api/photos, paling banyak 3 foto',
  })
  photoTokens?: string[] | null;

  @Field(() => ReporterInput, { nullable: true })
  reporter?: ReporterInput | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Identitas pelapor tidak diperlihatkan kepada instansi',
  })
  anonymous: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Laporan tidak dipublikasikan' })
  confidential: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Sama untuk pengiriman ulang: mengembalikan tanda terima pertama',
  })
  idempotencyKey?: string | null;
}
