import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { AuditService } from '@suara/audit';
import { SuaraConfig } from '@suara/core';
import { checkCredentialLengths } from './credential-limits.js';
import { StaffUser } from './entities/staff-user.entity.js';
import { IdentityErrors } from './identity.errors.js';
import { type StaffUserView, staffUserView } from './identity.views.js';
import { LoginAttempts } from './login-attempts.js';
import { spendVerificationTime, verifyPassword } from './password.js';
import { type Principal } from './roles.js';
import { subjectOf } from './tokens.js';

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
  user: StaffUserView;
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
 * Signs staff in and recognises their tokens. Every path that checks a password
 * (the login mutation, the queue dashboard's basic auth) goes through
 * verifyCredentials with the client's address, so each is slowed and refused per
 * account and address by LoginAttempts. A token is checked against the account
 * on every request, so deactivating someone ends their sessions at once.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
    private readonly config: SuaraConfig,
    private readonly audit: AuditService,
  ) {}

  async login(emailInput: string, password: string, clientAddress: string): Promise<AccessToken> {
    const user = await this.checkCredentials(emailInput, password, clientAddress);
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
    return {
      accessToken,
      expiresAt: new Date(Date.now() + ttl * 1000),
      user: staffUserView(user),
    };
  }

  /** Checks an email and password from a client address; who they are if they match an active account. */
  async verifyCredentials(
    emailInput: string,
    password: string,
    clientAddress: string,
  ): Promise<Principal> {
    return principalOf(await this.checkCredentials(emailInput, password, clientAddress));
  }

  private async checkCredentials(
    emailInput: string,
    password: string,
    clientAddress: string,
  ): Promise<StaffUser> {
    checkCredentialLengths(emailInput, password);
    const email = emailInput.trim().toLowerCase();
    await this.attempts.admit(email, clientAddress);

    const em = this.em.fork();
    const user = await em.findOne(StaffUser, { email }, { populate: ['agency', 'city'] });
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : (await spendVerificationTime(password), false);
    if (user && valid && user.active) {
      await this.attempts.succeed(email, clientAddress);
      return user;
    }
    const verdict = await this.attempts.fail(email, clientAddress);
    // Bounded per account and address (and per address), so guessing cannot
    // fill the audit trail; an unknown address is kept as a hash, never as
    // typed (people type passwords into the email field).
    const subject = {
      actor: { type: 'STAFF' as const, id: user?.id },
      subjectType: 'StaffUser',
      subjectId: user?.id ?? createHash('sha256').update(email).digest('hex'),
    };
    const address = clientAddress.slice(0, 64);
    if (verdict.audit)
      this.audit.record(em, {
        ...subject,
        action: 'auth.login_failed',
        after: {
          reason: !user ? 'unknown account' : !valid ? 'wrong password' : 'deactivated',
          clientAddress: address,
        },
      });
    if (verdict.lockedNow)
      this.audit.record(em, {
        ...subject,
        action: 'auth.login_locked',
        after: {
          scope: verdict.lockedNow,
          clientAddress: address,
          seconds: this.config.env.LOGIN_LOCK_S,
        },
      });
    await em.flush();
    throw IdentityErrors.badCredentials();
  }

  /** The principal behind a bearer token; UNAUTHENTICATED if expired, tampered or deactivated. */
  async authenticate(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      throw IdentityErrors.invalidToken();
    }
    const userId = subjectOf(payload);
    if (!userId) throw IdentityErrors.invalidToken();
    const user = await this.em
      .fork()
      .findOne(StaffUser, { id: userId }, { populate: ['agency', 'city'] });
    if (!user || !user.active) throw IdentityErrors.invalidToken();
    return principalOf(user);
  }
}
