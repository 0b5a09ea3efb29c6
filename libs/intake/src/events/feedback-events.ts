import { Injectable, Logger } from '@nestjs/common';
import { RedisClient, SuaraConfig } from '@suara/core';
import { type Feedback } from '../entities/feedback.entity.js';
import { FeedbackStatus } from '../feedback.enums.js';

/** An item entered or changed in an agency's queue. */
export interface FeedbackQueueEvent {
  feedbackId: string;
  trackingCode: string;
  status: FeedbackStatus;
  cityCode: string;
  agencyCode?: string;
  /** Set when the item left this agency's queue (a reroute). */
  previousAgencyCode?: string;
  at: string;
}

/**
 * Tells every API process that an item changed, over Redis pub/sub, after the
 * change committed. Live updates are a convenience on top of the queue, which
 * stays the truth: when Redis is away the event is dropped with a warning.
 */
@Injectable()
export class FeedbackEvents {
  private readonly logger = new Logger(FeedbackEvents.name);
  readonly channel: string;

  constructor(
    private readonly redis: RedisClient,
    config: SuaraConfig,
  ) {
    this.channel = FeedbackEvents.channelOf(config.env.REDIS_PREFIX);
  }

  static channelOf(prefix: string): string {
    return `${prefix}:feedback-queue`;
  }

  /** The same, for an entity just committed. */
  itemChanged(item: Feedback, previousAgencyCode?: string): Promise<void> {
    return this.changed(
      {
        id: item.id,
        trackingCode: item.trackingCode,
        status: item.status,
        cityCode: item.city.code,
        agencyCode: item.agency?.code,
      },
      previousAgencyCode,
    );
  }

  async changed(
    item: {
      id: string;
      trackingCode: string;
      status: FeedbackStatus;
      cityCode: string;
      agencyCode?: string;
    },
    previousAgencyCode?: string,
  ): Promise<void> {
    const event: FeedbackQueueEvent = {
      feedbackId: item.id,
      trackingCode: item.trackingCode,
      status: item.status,
      cityCode: item.cityCode,
      agencyCode: item.agencyCode,
      previousAgencyCode: previousAgencyCode !== item.agencyCode ? previousAgencyCode : undefined,
      at: new Date().toISOString(),
    };
    try {
      await this.redis.publish(this.channel, JSON.stringify(event));
    } catch (error) {
      this.logger.warn(`Live queue update for ${item.id} not sent: ${(error as Error).message}`);
    }
  }
}
