import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ResolutionRatingService } from '@suara/triage';
import { GqlThrottlerGuard } from '../infra/gql-throttler.guard.js';
import { PublicFeedbackStatusModel } from '../intake/intake.models.js';

@Resolver()
export class ResolutionRatingResolver {
  constructor(private readonly ratings: ResolutionRatingService) {}

  @Mutation(() => PublicFeedbackStatusModel, {
    description:
      'Beri nilai 1–5 atas penyelesaian laporan. Nilai 1–2 membuka kembali laporan (sekali); selain itu laporan ditutup.',
  })
  @UseGuards(GqlThrottlerGuard)
  rateResolution(
    @Args('trackingCode') trackingCode: string,
    @Args('score', { type: () => Int }) score: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
    // Nullable in the schema only so that a client that leaves it out is told, in
    // Indonesian and with the field named, what to send; the service requires it.
    @Args('citizenSecret', {
      type: () => String,
      nullable: true,
      description: 'Kode rahasia dari tanda terima (wajib): membuktikan Anda pengirim laporan',
    })
    citizenSecret?: string,
  ): Promise<PublicFeedbackStatusModel> {
    return this.ratings.rate(trackingCode, citizenSecret, score, comment);
  }
}
