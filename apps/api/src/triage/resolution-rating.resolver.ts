import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ResolutionRatingService } from '@suara/triage';
import { GqlThrottlerGuard } from '../infra/gql-throttler.guard.js';
import { PublicFeedbackStatus } from '../intake/intake.models.js';

@Resolver()
export class ResolutionRatingResolver {
  constructor(private readonly ratings: ResolutionRatingService) {}

  @Mutation(() => PublicFeedbackStatus, {
    description:
      'Beri nilai 1–5 atas penyelesaian laporan. Nilai 1–2 membuka kembali laporan (sekali); selain itu laporan ditutup.',
  })
  @UseGuards(GqlThrottlerGuard)
  rateResolution(
    @Args('trackingCode') trackingCode: string,
    @Args('score', { type: () => Int }) score: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ): Promise<PublicFeedbackStatus> {
    return this.ratings.rate(trackingCode, score, comment);
  }
}
