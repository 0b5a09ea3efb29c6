import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IntakeService } from '@suara/intake';
import { ReferenceService } from '@suara/reference';
import { GqlThrottlerGuard, RateBudget, UseRateBudget } from '../infra/gql-throttler.guard.js';
import {
  CitizenFeedbackModel,
  CitizenFollowUpModel,
  CityOptionModel,
  FeedbackReceiptModel,
  PublicFeedbackStatusModel,
} from './intake.models.js';
import { SubmitFeedbackInput } from './intake.inputs.js';

@Resolver()
export class IntakeResolver {
  constructor(
    private readonly intake: IntakeService,
    private readonly reference: ReferenceService,
  ) {}

  @Mutation(() => FeedbackReceiptModel, {
    description: 'Kirim pengaduan, saran, apresiasi atau pertanyaan.',
  })
  @UseGuards(GqlThrottlerGuard)
  submitFeedback(@Args('input') input: SubmitFeedbackInput): Promise<FeedbackReceiptModel> {
    return this.intake.submit(input);
  }

  @Query(() => PublicFeedbackStatusModel, {
    nullable: true,
    description: 'Null when no item has this code.',
  })
  @UseGuards(GqlThrottlerGuard)
  @UseRateBudget(RateBudget.STATUS)
  feedbackStatus(
    @Args('trackingCode') trackingCode: string,
  ): Promise<PublicFeedbackStatusModel | null> {
    return this.intake.publicStatus(trackingCode);
  }

  @Query(() => CitizenFeedbackModel, {
    description: "The citizen's own report: needs the receipt's secret (wrong secret: FORBIDDEN)",
  })
  @UseGuards(GqlThrottlerGuard)
  @UseRateBudget(RateBudget.STATUS)
  myFeedback(
    @Args('trackingCode') trackingCode: string,
    @Args('citizenSecret') citizenSecret: string,
  ): Promise<CitizenFeedbackModel> {
    return this.intake.citizenView(trackingCode, citizenSecret);
  }

  @Mutation(() => CitizenFollowUpModel, {
    description: 'Tambahkan informasi pada laporan Anda (perlu kode rahasia tanda terima).',
  })
  @UseGuards(GqlThrottlerGuard)
  addToFeedback(
    @Args('trackingCode') trackingCode: string,
    @Args('citizenSecret') citizenSecret: string,
    @Args('message') message: string,
  ): Promise<CitizenFollowUpModel> {
    return this.intake.addFollowUp(trackingCode, citizenSecret, message);
  }

  @Query(() => [CityOptionModel], { description: 'Cities and their agencies, for forms.' })
  async cities(): Promise<CityOptionModel[]> {
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
