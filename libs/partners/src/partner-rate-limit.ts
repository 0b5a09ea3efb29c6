import { Injectable, Logger } from '@nestjs/common';
import { RedisClient, SuaraConfig } from '@suara/core';
import { PartnerErrors } from './partners.errors.js';

const WINDOW_MS = 60_000;

/**
 * Submissions per partner key per minute, counted in Redis so every API process
 * shares the count. As with the citizens' limiter, an unreachable Redis lets the
 * request through: the key is still checked, and losing reports is worse.
 */
@Injectable()
export class PartnerRateLimit {
  private readonly logger = new Logger(PartnerRateLimit.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: SuaraConfig,
  ) {}

  async take(keyId: string): Promise<void> {
    const window = Math.floor(Date.now() / WINDOW_MS);
    const counter = `${this.config.env.REDIS_PREFIX}:partner-rate:${keyId}:${window}`;
    let hits: number;
    try {
      const [[, count]] = (await this.redis
        .multi()
        .incr(counter)
        .pexpire(counter, WINDOW_MS * 2)
        .exec()) as [[Error | null, number]];
      hits = count;
    } catch (error) {
      this.logger.warn(`Partner rate limit unavailable: ${(error as Error).message}`);
      return;
    }
    if (hits > this.config.env.PARTNER_RATE_LIMIT) {
      const seconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - Date.now()) / 1000));
      throw PartnerErrors.rateLimited(seconds);
    }
  }
}
