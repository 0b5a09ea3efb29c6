import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditService } from '@suara/audit';
import { RedisClient, SuaraConfig } from '@suara/core';
import { StaffUser } from './entities/staff-user.entity.js';
import { IdentityErrors } from './identity.errors.js';
import { spendVerificationTime, verifyPassword } from './password.js';
import { type Principal } from './roles.js';

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
  user: StaffUser;
}

export function principalOf(user: StaffUser): Principal {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    agencyCode: user.agency?.code,
    cityCode: user.city?.code,
  };
}

/**
 * Signs staff in and recognises their tokens. Failed attempts are counted per
 * account in Redis (shared by every API process): after LOGIN_SLOW_AFTER each
 * attempt waits longer, after LOGIN_LOCK_AFTER the account refuses logins for
 * LOGIN_LOCK_S. A token is checked against the account on every request, so
 * deactivating someone ends their sessions at once.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly redis: RedisClient,
    private readonly config: SuaraConfig,
    private readonly audit: AuditService,
  ) {}

  async login(emailInput: string, password: string): Promise<AccessToken> {
    const user = await this.verifyCredentials(emailInput, password);
    const em = this.em.fork();
    this.audit.record(em, {
      actor: { type: 'STAFF', id: user.id },
      action: 'auth.login',
      subjectType: 'StaffUser',
      subjectId: user.id,
    });
    await em.flush();
    const ttl = this.config.env.ACCESS_TOKEN_TTL_S;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role },
      { expiresIn: ttl },
    );
    return { accessToken, expiresAt: new Date(Date.now() + ttl * 1000), user };
  }

  /** Checks an email and password, counting failures; the account if they match an active one. */
  async verifyCredentials(emailInput: string, password: string): Promise<StaffUser> {
    const email = emailInput.trim().toLowerCase();
    const failKey = `${this.config.env.REDIS_PREFIX}:login-fail:${email}`;
    const { LOGIN_SLOW_AFTER, LOGIN_LOCK_AFTER, LOGIN_LOCK_S } = this.config.env;
    const fails = Number((await this.redis.get(failKey).catch(() => null)) ?? 0);
    if (fails >= LOGIN_LOCK_AFTER) {
      const ttl = await this.redis.ttl(failKey).catch(() => LOGIN_LOCK_S);
      throw IdentityErrors.locked(ttl > 0 ? ttl : LOGIN_LOCK_S);
    }
    if (fails >= LOGIN_SLOW_AFTER)
      await sleep(Math.min(250 * 2 ** (fails - LOGIN_SLOW_AFTER), 4_000));

    const em = this.em.fork();
    const user = await em.findOne(StaffUser, { email }, { populate: ['agency', 'city'] });
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : (await spendVerificationTime(password), false);
    if (!user || !valid || !user.active) {
      await this.redis
        .multi()
        .incr(failKey)
        .expire(failKey, LOGIN_LOCK_S)
        .exec()
        .catch(() => undefined);
      this.audit.record(em, {
        actor: { type: 'STAFF', id: user?.id },
        action: 'auth.login_failed',
        subjectType: 'StaffUser',
        subjectId: user?.id ?? email,
        after: {
          email,
          reason: !user ? 'unknown account' : !valid ? 'wrong password' : 'deactivated',
        },
      });
      await em.flush();
      throw IdentityErrors.badCredentials();
    }
    await this.redis.del(failKey).catch(() => undefined);
    return user;
  }

  /** The principal behind a bearer token; UNAUTHENTICATED if expired, tampered or deactivated. */
  async authenticate(token: string): Promise<Principal> {
    let payload: { sub?: string };
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      throw IdentityErrors.invalidToken();
    }
    if (!payload.sub) throw IdentityErrors.invalidToken();
    const user = await this.em
      .fork()
      .findOne(StaffUser, { id: payload.sub }, { populate: ['agency', 'city'] });
    if (!user || !user.active) throw IdentityErrors.invalidToken();
    return principalOf(user);
  }
}
