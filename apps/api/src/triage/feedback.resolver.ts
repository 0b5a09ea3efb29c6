import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { IntakeService } from '@suara/intake';
import { ReferenceService } from '@suara/reference';
import {
  DeadlineWatchService,
  FeedbackAccessService,
  FeedbackQueueService,
  MAX_PAGE,
} from '@suara/triage';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { pageComplexity } from '../graphql/operation-limits.js';
import { type FeedbackBatchLoaders } from './feedback-loaders.js';
import { AgencySummaryModel, CitizenFollowUpModel, PhotoModel } from '../intake/intake.models.js';
import { FeedbackFilterInput } from './triage.inputs.js';
import {
  AuditEntryModel,
  EscalationModel,
  FeedbackConnectionModel,
  FeedbackModel,
  ReporterIdentityModel,
  RoutingSummaryModel,
  StaffResponseModel,
  StaffSummaryModel,
} from './triage.models.js';

type Loaders = { loaders: FeedbackBatchLoaders };

const DEFAULT_PAGE = 20;

/**
 * An identity read is audited and is what an attacker wants most: priced so
 * that a full page may read one identity per item and no request many more
 * (GRAPHQL_MAX_COMPLEXITY / 41, about 120 by default).
 */
const IDENTITY_READ_COST = 40;

/** The staff queue and what hangs off an item; the services decide who sees what. */
@Resolver(() => FeedbackModel)
@UseGuards(StaffAuthGuard)
export class FeedbackResolver {
  constructor(
    private readonly queue: FeedbackQueueService,
    private readonly access: FeedbackAccessService,
    private readonly deadlines: DeadlineWatchService,
    private readonly reference: ReferenceService,
    private readonly intake: IntakeService,
  ) {}

  @Query(() => FeedbackConnectionModel, {
    description: 'Items you may see, deadline first, then oldest; page with first/after',
    complexity: pageComplexity(DEFAULT_PAGE, MAX_PAGE),
  })
  feedbackQueue(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => FeedbackFilterInput, nullable: true })
    filter?: FeedbackFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<FeedbackConnectionModel> {
    return this.queue.page(principal, filter ?? {}, first ?? DEFAULT_PAGE, after);
  }

  @Query(() => FeedbackModel, { nullable: true })
  feedback(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FeedbackModel | null> {
    return this.access.get(principal, id);
  }

  @Query(() => [AuditEntryModel], {
    description: 'Everything done to an item (COORDINATOR of its city, ADMIN)',
  })
  auditTrail(
    @CurrentPrincipal() principal: Principal,
    @Args('feedbackId', { type: () => ID }) feedbackId: string,
  ): Promise<AuditEntryModel[]> {
    return this.access.auditTrail(principal, feedbackId);
  }

  @Query(() => [EscalationModel], {
    description: 'Breached deadlines of a city, newest first (its COORDINATOR, ADMIN)',
  })
  escalations(
    @CurrentPrincipal() principal: Principal,
    @Args('cityCode', { type: () => String, nullable: true }) cityCode?: string,
  ): Promise<EscalationModel[]> {
    return this.deadlines.escalations(principal, cityCode);
  }

  @ResolveField(() => AgencySummaryModel, { nullable: true })
  async agency(@Parent() item: FeedbackModel): Promise<AgencySummaryModel | undefined> {
    return item.agencyCode ? this.reference.agency(item.agencyCode) : undefined;
  }

  @ResolveField(() => RoutingSummaryModel, { nullable: true })
  async routing(
    @Parent() item: FeedbackModel,
    @Context() { loaders }: Loaders,
  ): Promise<RoutingSummaryModel | null> {
    return loaders.routing.load(item.id);
  }

  @ResolveField(() => StaffSummaryModel, { nullable: true })
  async assignee(
    @Parent() item: FeedbackModel,
    @Context() { loaders }: Loaders,
  ): Promise<StaffSummaryModel | null> {
    return item.assigneeId ? loaders.staff.load(item.assigneeId) : null;
  }

  @ResolveField(() => [StaffResponseModel], {
    description: 'Public answers and internal notes, oldest first',
  })
  responses(
    @Parent() item: FeedbackModel,
    @Context() { loaders }: Loaders,
  ): Promise<StaffResponseModel[]> {
    return loaders.responses.load(item.id);
  }

  @ResolveField(() => ReporterIdentityModel, {
    nullable: true,
    complexity: IDENTITY_READ_COST,
    description:
      'Who reported it: the assigned agency and the city coordinator only, never for anonymous items; every read is audited',
  })
  reporter(
    @Parent() item: FeedbackModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReporterIdentityModel | null> {
    return this.access.reporter(principal, item.id);
  }

  @ResolveField(() => [PhotoModel], {
    description:
      "The citizen's photos (the assigned agency and the city coordinator); links work for an hour",
  })
  async photos(
    @Parent() item: FeedbackModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PhotoModel[]> {
    return this.intake.photosForStaff(principal, scope(item));
  }

  @ResolveField(() => [CitizenFollowUpModel], {
    description: 'What the citizen added after sending, oldest first (as photos)',
  })
  async followUps(
    @Parent() item: FeedbackModel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CitizenFollowUpModel[]> {
    return this.intake.followUpsForStaff(principal, scope(item));
  }
}

const scope = (item: FeedbackModel) => ({
  id: item.id,
  cityCode: item.cityCode,
  agencyCode: item.agencyCode,
  anonymous: item.anonymous,
});
