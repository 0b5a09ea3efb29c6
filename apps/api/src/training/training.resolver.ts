import { UseGuards } from '@nestjs/common';
import { Args, Float, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { ReferenceService } from '@suara/reference';
import {
  AgencyWorkforceService,
  TrainingEffectivenessService,
  TrainingPlansService,
  type TrainingPlanView,
  TrainingSuggestionService,
  TrainingYearService,
} from '@suara/training';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { TrainingEffectivenessModel, TrainingSuggestionModel } from './training-analysis.models.js';
import {
  AgencyWorkforceModel,
  TrainingPlanInput,
  TrainingPlanModel,
  TrainingYearModel,
} from './training-plan.models.js';
import { toEffectivenessModel, toPlanModel, toSuggestionModel } from './training.mappers.js';

const version = {
  type: () => Int,
  nullable: true,
  description: 'The version you read; CONFLICT if it changed',
};

@Resolver(() => TrainingPlanModel)
@UseGuards(StaffAuthGuard)
export class TrainingResolver {
  constructor(
    private readonly plans: TrainingPlansService,
    private readonly year: TrainingYearService,
    private readonly suggestion: TrainingSuggestionService,
    private readonly effectiveness: TrainingEffectivenessService,
    private readonly workforce: AgencyWorkforceService,
    private readonly reference: ReferenceService,
  ) {}

  @Mutation(() => TrainingPlanModel)
  async createTrainingPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: TrainingPlanInput,
  ): Promise<TrainingPlanModel> {
    return this.model(await this.plans.create(principal, input));
  }

  @Mutation(() => TrainingPlanModel, { description: 'DRAFT plans only' })
  async updateTrainingPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TrainingPlanInput,
    @Args('expectedVersion', version) expectedVersion?: number | null,
  ): Promise<TrainingPlanModel> {
    return this.model(await this.plans.update(principal, id, input, expectedVersion));
  }

  @Mutation(() => TrainingPlanModel)
  async approveTrainingPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', version) expectedVersion?: number | null,
  ): Promise<TrainingPlanModel> {
    return this.model(await this.plans.approve(principal, id, expectedVersion));
  }

  @Mutation(() => TrainingPlanModel)
  async cancelTrainingPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', version) expectedVersion?: number | null,
  ): Promise<TrainingPlanModel> {
    return this.model(await this.plans.cancel(principal, id, expectedVersion));
  }

  @Mutation(() => TrainingPlanModel, {
    description: 'Marks its gaps ADDRESSED; effectiveness is measured from today',
  })
  async completeTrainingPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', version) expectedVersion?: number | null,
  ): Promise<TrainingPlanModel> {
    return this.model(await this.plans.complete(principal, id, expectedVersion));
  }

  @Query(() => TrainingPlanModel)
  async trainingPlan(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TrainingPlanModel> {
    return this.model(await this.plans.get(principal, id));
  }

  @Query(() => [TrainingPlanModel])
  async trainingPlans(
    @CurrentPrincipal() principal: Principal,
    @Args('cityCode') cityCode: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<TrainingPlanModel[]> {
    const agencies = await this.reference.agencyIndex();
    return (await this.plans.list(principal, cityCode, year)).map((p) => toPlanModel(p, agencies));
  }

  @Query(() => TrainingYearModel, {
    description: 'JP per civil servant against the 20 JP right, per agency, and the budget used',
  })
  trainingYear(
    @CurrentPrincipal() principal: Principal,
    @Args('cityCode') cityCode: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<TrainingYearModel> {
    return this.year.view(principal, cityCode, year);
  }

  @Query(() => TrainingSuggestionModel)
  async suggestTrainingPlans(
    @CurrentPrincipal() principal: Principal,
    @Args('cityCode') cityCode: string,
    @Args('budgetIdr', { type: () => Float }) budgetIdr: number,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<TrainingSuggestionModel> {
    return toSuggestionModel(await this.suggestion.suggest(principal, cityCode, budgetIdr, year));
  }

  @Query(() => TrainingEffectivenessModel)
  async trainingEffectiveness(
    @CurrentPrincipal() principal: Principal,
    @Args('planId', { type: () => ID }) planId: string,
  ): Promise<TrainingEffectivenessModel> {
    return toEffectivenessModel(await this.effectiveness.forPlan(principal, planId));
  }

  @Query(() => [AgencyWorkforceModel], { description: 'Civil servants per agency of the city' })
  agencyWorkforce(
    @CurrentPrincipal() principal: Principal,
    @Args('cityCode') cityCode: string,
  ): Promise<AgencyWorkforceModel[]> {
    return this.workforce.list(principal, cityCode);
  }

  @Mutation(() => AgencyWorkforceModel, {
    description: 'Admins: record an agency’s number of civil servants',
  })
  setAgencyCivilServants(
    @CurrentPrincipal() principal: Principal,
    @Args('agencyCode') agencyCode: string,
    @Args('civilServants', { type: () => Int }) civilServants: number,
  ): Promise<AgencyWorkforceModel> {
    return this.workforce.set(principal, agencyCode, civilServants);
  }

  private async model(plan: TrainingPlanView): Promise<TrainingPlanModel> {
    return toPlanModel(plan, await this.reference.agencyIndex());
  }
}
