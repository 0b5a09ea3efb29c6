import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { RoutingAdminService, RoutingService } from '@suara/routing';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';
import {
  FailedRoutingJobModel,
  RetrainResultModel,
  RoutingDecisionModel,
  RoutingModelInfoModel,
} from './routing-admin.models.js';

@Resolver()
@UseGuards(StaffAuthGuard)
export class RoutingAdminResolver {
  constructor(
    private readonly admin: RoutingAdminService,
    private readonly routing: RoutingService,
  ) {}

  @Query(() => [RoutingDecisionModel], { description: 'How an item was routed, oldest first' })
  routingDecisions(
    @CurrentPrincipal() principal: Principal,
    @Args('feedbackId', { type: () => ID }) feedbackId: string,
  ): Promise<RoutingDecisionModel[]> {
    return this.routing.decisions(principal, feedbackId);
  }

  @Query(() => [FailedRoutingJobModel], { description: 'Dead-lettered routing jobs (ADMIN)' })
  failedRoutingJobs(@CurrentPrincipal() principal: Principal): Promise<FailedRoutingJobModel[]> {
    return this.admin.failedJobs(principal);
  }

  @Mutation(() => FailedRoutingJobModel, {
    description: 'Retry a dead-lettered routing job (ADMIN)',
  })
  retryRoutingJob(
    @CurrentPrincipal() principal: Principal,
    @Args('feedbackId', { type: () => ID }) feedbackId: string,
  ): Promise<FailedRoutingJobModel> {
    return this.admin.retryFailedJob(principal, feedbackId);
  }

  @Mutation(() => Int, {
    description: 'Add lexicon phrases for an agency type; returns how many were new (ADMIN)',
  })
  addRoutingPhrases(
    @CurrentPrincipal() principal: Principal,
    @Args('agencyType') agencyType: string,
    @Args('phrases', { type: () => [String] }) phrases: string[],
  ): Promise<number> {
    return this.admin.addPhrases(principal, agencyType, phrases);
  }

  @Mutation(() => RetrainResultModel, { description: 'Train a new routing model now (ADMIN)' })
  retrainRouter(@CurrentPrincipal() principal: Principal): Promise<RetrainResultModel> {
    return this.admin.retrain(principal);
  }

  @Query(() => [RoutingModelInfoModel])
  routingModels(@CurrentPrincipal() principal: Principal): Promise<RoutingModelInfoModel[]> {
    return this.admin.listModels(principal);
  }
}
