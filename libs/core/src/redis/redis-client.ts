import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { SuaraConfig } from '../config/suara-config.module.js';

/**
 * The API's own Redis connection (rate limits, health). It fails fast instead of
 * queueing commands while Redis is away, so an outage never stalls a request.
 */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(SuaraConfig) config: SuaraConfig) {
    super(config.env.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      lazyConnect: false,
    });
    // Connection errors are reported by the health check; ioredis would otherwise log each retry.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.disconnect();
  }
}
