import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { TriageService } from '@suara/triage';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { FeedbackModel } from './triage.models.js';

const id = () => Args('id', { type: () => ID });
const version = () =>
  Args('expectedVersion', {
    type: () => Int,
    nullable: true,
    description: 'The version you read; CONFLICT if someone changed the item since',
  });

/** The lifecycle commands of staff; each one is a TriageService call. */
@Resolver()
@UseGuards(StaffAuthGuard)
export class TriageResolver {
  constructor(private readonly triage: TriageService) {}

  @Mutation(() => FeedbackModel, { description: 'ROUTED → ACKNOWLEDGED' })
  acknowledgeFeedback(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.acknowledge(p, feedbackId, expectedVersion);
  }

  @Mutation(() => FeedbackModel, {
    description:
      'A public answer (moves a new item to IN_PROGRESS) or an internal note (public: false)',
  })
  respondToFeedback(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @Args('message') message: string,
    @Args('public', { type: () => Boolean, nullable: true, defaultValue: true }) isPublic: boolean,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.respond(p, feedbackId, message, isPublic, expectedVersion);
  }

  @Mutation(() => FeedbackModel, { description: 'Give the item to a colleague of the same agency' })
  assignFeedback(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @Args('assigneeId', { type: () => ID }) assigneeId: string,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.assign(p, feedbackId, assigneeId, expectedVersion);
  }

  @Mutation(() => FeedbackModel, {
    description: 'Done: the resolution is shown to the citizen, who may rate it',
  })
  resolveFeedback(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @Args('resolution') resolution: string,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.resolve(p, feedbackId, resolution, expectedVersion);
  }

  @Mutation(() => FeedbackModel)
  rejectFeedback(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @Args('reason') reason: string,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.reject(p, feedbackId, reason, expectedVersion);
  }

  @Mutation(() => FeedbackModel, {
    description:
      'Send to another agency of the city; its deadline starts again and the router learns',
  })
  rerouteFeedback(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @Args('agencyCode') agencyCode: string,
    @Args('reason') reason: string,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.reroute(p, feedbackId, agencyCode, reason, expectedVersion);
  }

  @Mutation(() => FeedbackModel, {
    description: "The citizen's status page then follows the original",
  })
  markDuplicate(
    @CurrentPrincipal() p: Principal,
    @id() feedbackId: string,
    @Args('duplicateOfId', { type: () => ID }) duplicateOfId: string,
    @version() expectedVersion?: number,
  ): Promise<FeedbackModel> {
    return this.triage.markDuplicate(p, feedbackId, duplicateOfId, expectedVersion);
  }
}
