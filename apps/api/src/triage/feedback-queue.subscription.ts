import { UseGuards } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { type Principal, StaffRole } from '@suara/identity';
import { type FeedbackQueueEvent } from '@suara/intake';
import { StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { FeedbackPubSub } from './feedback-pubsub.js';
import { FeedbackQueueEventModel } from './triage.models.js';

type SubscriptionContext = { req: { principal?: Principal } };

/** Whether a principal's queue is touched by the event: the same scope as the queue itself. */
function concerns(p: Principal, e: FeedbackQueueEvent, agencyCode?: string): boolean {
  const agencies = [e.agencyCode, e.previousAgencyCode].filter(Boolean);
  if (agencyCode && !agencies.includes(agencyCode.toUpperCase())) return false;
  switch (p.role) {
    case StaffRole.AGENCY_STAFF:
      return agencies.includes(p.agencyCode);
    case StaffRole.COORDINATOR:
      return e.cityCode === p.cityCode;
    default:
      return true;
  }
}

@Resolver()
@UseGuards(StaffAuthGuard)
export class FeedbackQueueSubscription {
  constructor(private readonly events: FeedbackPubSub) {}

  @Subscription(() => FeedbackQueueEventModel, {
    description:
      'Items entering or changing in your queue (graphql-ws; send {"authorization": "Bearer …"} as connection params)',
    filter: (
      payload: FeedbackQueueEvent,
      variables: { agencyCode?: string },
      context: SubscriptionContext,
    ) => !!context.req.principal && concerns(context.req.principal, payload, variables.agencyCode),
    resolve: (payload: FeedbackQueueEvent) => ({ ...payload, at: new Date(payload.at) }),
  })
  feedbackQueueChanged(
    @Args('agencyCode', { type: () => String, nullable: true }) _agencyCode?: string,
  ) {
    return this.events.pubsub.asyncIterableIterator(this.events.channel);
  }
}
