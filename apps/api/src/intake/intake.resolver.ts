import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IntakeService } from '@suara/intake';
import { ReferenceService } from '@suara/reference';
import { GqlThrottlerGuard, RateBudget, UseRateBudget } from '../infra/gql-throttler.guard.js';
import { CityOption, FeedbackReceipt, PublicFeedbackStatus } from './intake.models.js';
import { SubmitFeedbackInput } from './submit-feedback.input.js';

@Resolver()
export class IntakeResolver {
  constructor(
    private readonly intake: IntakeService,
    private readonly reference: ReferenceService,
  ) {}

  @Mutation(() => FeedbackReceipt, {
    description: 'Kirim pengaduan, saran, apresiasi atau pertanyaan.',
  })
  @UseGuards(GqlThrottlerGuard)
  submitFeedback(@Args('input') input: SubmitFeedbackInput): Promise<FeedbackReceipt> {
    return this.intake.submit(input);
  }

  @Query(() => PublicFeedbackStatus, {
    nullable: true,
    description: 'Null when no item has this code.',
  })
  @UseGuards(GqlThrottlerGuard)
  @UseRateBudget(RateBudget.STATUS)
  feedbackStatus(@Args('trackingCode') trackingCode: string): Promise<PublicFeedbackStatus | null> {
    return this.intake.publicStatus(trackingCode);
  }

  @Query(() => [CityOption], { description: 'Cities and their agencies, for forms.' })
  async cities(): Promise<CityOption[]> {
    const [cities, agencies] = await Promise.all([
      this.reference.cities(),
      this.reference.agencies(),
    ]);
    return cities.map((c) => ({
      ...c,
      agencies: agencies
        .filter((a) => a.cityCode === c.code)
        .map(({ code, name }) => ({ code, name })),
    }));
  }
}
