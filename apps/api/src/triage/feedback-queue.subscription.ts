import { UseGuards } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { FeedbackPolicy, type FeedbackQueueEvent } from '@suara/intake';
import { StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { FeedbackPubSub } from './feedback-pubsub.js';
import { FeedbackQueueEventModel } from './triage.models.js';

type SubscriptionContext = { req: { principal?: Principal } };

/** Whether the event belongs to what the subscriber asked for and may see (FeedbackPolicy). */
function concerns(p: Principal, e: FeedbackQueueEvent, agencyCode?: string): boolean {
  const asked = agencyCode?.toUpperCase();
  if (asked && e.agencyCode !== asked && e.previousAgencyCode !== asked) return false;
  return FeedbackPolicy.seesQueueChange(p, e);
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
