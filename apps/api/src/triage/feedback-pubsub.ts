import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { SuaraConfig } from '@suara/core';
import { FeedbackEvents } from '@suara/intake';

/**
 * The subscription side of FeedbackEvents: every API process listens on the same
 * Redis channel, so a change made through one process (or by the worker)
 * reaches subscribers connected to any other.
 */
@Injectable()
export class FeedbackPubSub implements OnApplicationShutdown {
  readonly pubsub: RedisPubSub;
  readonly channel: string;

  constructor(config: SuaraConfig) {
    const connect = () => {
      // Lazy: events are published through FeedbackEvents, so the publisher never
      // connects, and the subscriber only once someone subscribes.
      const redis = new Redis(config.env.REDIS_URL, {
        maxRetriesPerRequest: null,
        lazyConnect: true,
      });
      // Reconnection is ioredis's job; an outage only pauses live updates.
      redis.on('error', () => undefined);
      return redis;
    };
    // graphql-redis-subscriptions types the ioredis it was built against; the client is the same.
    type Client = NonNullable<ConstructorParameters<typeof RedisPubSub>[0]>['publisher'];
    this.pubsub = new RedisPubSub({
      publisher: connect() as unknown as Client,
      subscriber: connect() as unknown as Client,
    });
    this.channel = FeedbackEvents.channelOf(config.env.REDIS_PREFIX);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}
