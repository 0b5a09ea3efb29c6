import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisClient, SuaraConfig } from '@suara/core';
import { IdentityErrors } from './identity.errors.js';

/** What a counted failure still deserves in the audit trail. */
export interface FailureVerdict {
  /** False once this account and address, or this address, is past its limit. */
  audit: boolean;
  /** Set by the one failure that locked the pair or the address. */
  lockedNow?: 'account' | 'address';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Failed password checks, counted in Redis (shared by every API process) per
 * account and client address, so a stranger's guesses lock the stranger out but
 * never the account's owner elsewhere; plus a ceiling per address over all
 * accounts against spraying. Keys hold hashes: nothing a client typed is stored.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: SuaraConfig,
  ) {}

  /** Refuses a locked pair or address, and slows a pair that keeps failing. */
  async admit(email: string, address: string): Promise<void> {
    const { LOGIN_SLOW_AFTER, LOGIN_LOCK_AFTER, LOGIN_ADDRESS_LOCK_AFTER } = this.config.env;
    const keys = this.keys(email, address);
    const [pair, all] = await this.redis.mget(keys.pair, keys.address).catch(() => [null, null]);
    const pairFails = Number(pair ?? 0);
    const addressFails = Number(all ?? 0);
    if (pairFails >= LOGIN_LOCK_AFTER) throw await this.locked(keys.pair);
    if (addressFails >= LOGIN_ADDRESS_LOCK_AFTER) throw await this.locked(keys.address);
    if (pairFails >= LOGIN_SLOW_AFTER)
      await sleep(Math.min(250 * 2 ** (pairFails - LOGIN_SLOW_AFTER), 4_000));
  }

  async fail(email: string, address: string): Promise<FailureVerdict> {
    const { LOGIN_LOCK_AFTER, LOGIN_ADDRESS_LOCK_AFTER, LOGIN_LOCK_S } = this.config.env;
    const keys = this.keys(email, address);
    const replies = await this.redis
      .multi()
      .incr(keys.pair)
      .expire(keys.pair, LOGIN_LOCK_S)
      .incr(keys.address)
      .expire(keys.address, LOGIN_LOCK_S)
      .exec()
      .catch(() => null);
    const pairFails = Number(replies?.[0]?.[1]);
    const addressFails = Number(replies?.[2]?.[1]);
    // Redis away: nothing is counted, and the attempt is still worth recording.
    if (!Number.isInteger(pairFails) || !Number.isInteger(addressFails)) return { audit: true };
    return {
      audit: pairFails <= LOGIN_LOCK_AFTER && addressFails <= LOGIN_ADDRESS_LOCK_AFTER,
      lockedNow:
        pairFails === LOGIN_LOCK_AFTER
          ? 'account'
          : addressFails === LOGIN_ADDRESS_LOCK_AFTER
            ? 'address'
            : undefined,
    };
  }

  async succeed(email: string, address: string): Promise<void> {
    await this.redis.del(this.keys(email, address).pair).catch(() => undefined);
  }

  private keys(email: string, address: string) {
    const prefix = this.config.env.REDIS_PREFIX;
    return {
      pair: `${prefix}:login-fail:${sha256(`${email}\n${address}`)}`,
      address: `${prefix}:login-fail-address:${sha256(address)}`,
    };
  }

  private async locked(key: string) {
    const { LOGIN_LOCK_S } = this.config.env;
    const ttl = await this.redis.ttl(key).catch(() => LOGIN_LOCK_S);
    return IdentityErrors.locked(ttl > 0 ? ttl : LOGIN_LOCK_S);
  }
}
