import { UseGuards } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { type ClusterView, InsightCurationService, InsightReadService } from '@suara/insight';
import { COMPETENCIES, ReferenceService } from '@suara/reference';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { pageComplexity } from '../graphql/operation-limits.js';
import { AgencySummaryModel } from '../intake/intake.models.js';
import { CompetencySummaryModel } from '../training/training-plan.models.js';
import { type FeedbackBatchLoaders } from '../triage/feedback-loaders.js';
import { FeedbackModel } from '../triage/triage.models.js';
import {
  ClusterFilterInput,
  ClusterMemberModel,
  CompetencyGapModel,
  ComplaintClusterModel,
  GapDecision,
  CompetencyGapFilterInput,
} from './insight.models.js';

export const MAX_CLUSTERS = 500;

type Loaders = { loaders: FeedbackBatchLoaders };

@Resolver(() => ComplaintClusterModel)
@UseGuards(StaffAuthGuard)
export class InsightResolver {
  constructor(
    private readonly read: InsightReadService,
    private readonly curation: InsightCurationService,
    private readonly reference: ReferenceService,
  ) {}

  @Query(() => [ComplaintClusterModel], {
    description:
      'Clusters of the active generation, largest first, at most `first` (default and most 500) (PLANNER, COORDINATOR of the city, ADMIN)',
    complexity: pageComplexity(MAX_CLUSTERS, MAX_CLUSTERS),
  })
  recurringClusters(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => ClusterFilterInput, nullable: true }) filter?: ClusterFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<ClusterView[]> {
    // Costed as MAX_CLUSTERS when `first` is left out, so that is also what it returns.
    return this.read.clusters(principal, filter ?? {}, first ?? MAX_CLUSTERS);
  }

  @ResolveField(() => AgencySummaryModel)
  agency(@Parent() c: ComplaintClusterModel) {
    return this.reference.agency(c.agencyCode);
  }

  @ResolveField(() => [ClusterMemberModel], {
    description: 'Newest first, personal data masked',
    // An item sits in one cluster, so members of all listed clusters together are
    // bounded by the items behind them, not by clusters × first: one batched query.
    complexity: ({ childComplexity }) => 1 + childComplexity,
  })
  members(
    @Parent() c: ComplaintClusterModel,
    @Context() { loaders }: Loaders,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<ClusterMemberModel[]> {
    return loaders.members(first).load(c.id);
  }

  @Query(() => [CompetencyGapModel], { complexity: pageComplexity(50, 50) })
  competencyGaps(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => CompetencyGapFilterInput, nullable: true })
    filter?: CompetencyGapFilterInput,
  ) {
    return this.read.gaps(principal, filter ?? {});
  }

  @Mutation(() => CompetencyGapModel)
  async reviewCompetencyGap(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => GapDecision }) decision: GapDecision,
    @Args('note', { type: () => String, nullable: true }) note?: string,
  ) {
    await this.curation.reviewGap(principal, id, decision, note);
    return this.read.gap(id);
  }

  @Mutation(() => ComplaintClusterModel, {
    description: 'Folds sourceId into targetId (same agency)',
  })
  async mergeClusters(
    @CurrentPrincipal() principal: Principal,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('sourceId', { type: () => ID }) sourceId: string,
  ) {
    const id = await this.curation.mergeClusters(principal, targetId, sourceId);
    return (await this.read.clustersByIds([id])).get(id);
  }

  @Mutation(() => ComplaintClusterModel, { description: "The item's new cluster of its own" })
  async moveFeedbackOutOfCluster(
    @CurrentPrincipal() principal: Principal,
    @Args('feedbackId', { type: () => ID }) feedbackId: string,
  ) {
    const id = await this.curation.moveOut(principal, feedbackId);
    return (await this.read.clustersByIds([id])).get(id);
  }
}

@Resolver(() => CompetencyGapModel)
export class CompetencyGapResolver {
  constructor(
    private readonly read: InsightReadService,
    private readonly reference: ReferenceService,
  ) {}

  @ResolveField(() => AgencySummaryModel)
  agency(@Parent() g: CompetencyGapModel) {
    return this.reference.agency(g.agencyCode);
  }

  @ResolveField(() => CompetencySummaryModel)
  competency(@Parent() g: CompetencyGapModel): CompetencySummaryModel {
    const c = COMPETENCIES.find((k) => k.code === g.competencyCode);
    return { code: g.competencyCode, name: c?.name ?? g.competencyCode };
  }

  @ResolveField(() => [ComplaintClusterModel])
  async evidence(@Parent() g: CompetencyGapModel) {
    const m = await this.read.clustersByIds(g.evidenceClusterIds);
    return g.evidenceClusterIds.map((id) => m.get(id)).filter(Boolean);
  }
}

/** Feedback.themes and Feedback.cluster, batched per request. */
@Resolver(() => FeedbackModel)
export class FeedbackInsightResolver {
  @ResolveField(() => [String], { description: 'DOMAIN.md theme codes insight read in the text' })
  async themes(@Parent() item: FeedbackModel, @Context() { loaders }: Loaders): Promise<string[]> {
    return (await loaders.insight.load(item.id))?.themes ?? [];
  }

  @ResolveField(() => ComplaintClusterModel, { nullable: true })
  async cluster(@Parent() item: FeedbackModel, @Context() { loaders }: Loaders) {
    const reading = await loaders.insight.load(item.id);
    return reading ? loaders.cluster.load(reading.clusterId) : null;
  }
}
