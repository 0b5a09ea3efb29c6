import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { type Principal, staffAuditActor } from '@suara/identity';
import { PartnerApiKey } from './entities/partner-api-key.entity.js';
import {
  generatePartnerKey,
  hashPartnerKey,
  looksLikePartnerKey,
  visiblePrefix,
} from './partner-key-secret.js';
import { PartnerRateLimit } from './partner-rate-limit.js';
import { PartnerErrors } from './partners.errors.js';
import { PartnerPolicy } from './partners.policy.js';
import type { PartnerApiKeyView, PartnerIdentity } from './partners.views.js';

export const MAX_PARTNER_NAME = 120;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const SUBJECT = 'partner_api_key';

export const PartnerAuditActions = {
  created: 'PARTNER_KEY_CREATED',
  revoked: 'PARTNER_KEY_REVOKED',
  submitted: 'PARTNER_SUBMITTED',
} as const;

const view = (k: PartnerApiKey): PartnerApiKeyView => ({
  id: k.id,
  name: k.name,
  keyPrefix: k.keyPrefix,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
});

/** Partner systems' keys: created and revoked by admins, checked on every submission. */
@Injectable()
export class PartnerKeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly rateLimit: PartnerRateLimit,
  ) {}

  async create(principal: Principal | undefined, rawName: string): Promise<PartnerApiKeyView> {
    const admin = PartnerPolicy.manageKeys(principal);
    // PostgreSQL refuses NUL in text (a 500, not a refusal); no control character belongs in a name.
    const name = (rawName ?? '').normalize('NFC').replace(CONTROL, '').trim();
    if (!name || !/[\p{L}\p{N}]/u.test(name)) throw PartnerErrors.nameRequired();
    if (name.length > MAX_PARTNER_NAME) throw PartnerErrors.nameTooLong(MAX_PARTNER_NAME);
    const key = generatePartnerKey();
    const em = this.em.fork();
    const row = new PartnerApiKey({
      name,
      keyHash: hashPartnerKey(key),
      keyPrefix: visiblePrefix(key),
      createdBy: admin.userId,
    });
    em.persist(row);
    this.audit.record(em, {
      actor: staffAuditActor(admin),
      action: PartnerAuditActions.created,
      subjectType: SUBJECT,
      subjectId: row.id,
      after: { name, keyPrefix: row.keyPrefix },
    });
    await em.flush();
    return { ...view(row), key };
  }

  async revoke(principal: Principal | undefined, id: string): Promise<PartnerApiKeyView> {
    const admin = PartnerPolicy.manageKeys(principal);
    const em = this.em.fork();
    const row = await em.findOne(PartnerApiKey, { id });
    if (!row) throw PartnerErrors.notFound(id);
    // Revoking twice keeps the first moment: that is when the key stopped working.
    if (!row.revokedAt) {
      row.revokedAt = new Date();
      this.audit.record(em, {
        actor: staffAuditActor(admin),
        action: PartnerAuditActions.revoked,
        subjectType: SUBJECT,
        subjectId: row.id,
        before: { revokedAt: null },
        after: { revokedAt: row.revokedAt.toISOString() },
      });
      await em.flush();
    }
    return view(row);
  }

  async list(principal: Principal | undefined): Promise<PartnerApiKeyView[]> {
    PartnerPolicy.manageKeys(principal);
    const rows = await this.em.fork().find(PartnerApiKey, {}, { orderBy: { createdAt: 'desc' } });
    return rows.map(view);
  }

  /**
   * The partner behind a key, after its rate limit: FORBIDDEN for a missing,
   * unknown or revoked key (read at every request, so a revocation applies at once),
   * RATE_LIMITED past the per-minute budget.
   */
  async authenticate(key: string | undefined): Promise<PartnerIdentity> {
    if (!key || !looksLikePartnerKey(key)) throw PartnerErrors.badKey();
    const row = await this.em
      .fork()
      .findOne(PartnerApiKey, { keyHash: hashPartnerKey(key), revokedAt: null });
    if (!row) throw PartnerErrors.badKey();
    await this.rateLimit.take(row.id);
    return { keyId: row.id, name: row.name };
  }

  /** The audit line saying which partner filed which item. */
  async recordSubmission(
    partner: PartnerIdentity,
    feedback: { id: string; trackingCode: string },
  ): Promise<void> {
    const em = this.em.fork();
    this.audit.record(em, {
      actor: { type: 'PARTNER', id: partner.keyId },
      action: PartnerAuditActions.submitted,
      subjectType: 'feedback',
      subjectId: feedback.id,
      after: { partner: partner.name, trackingCode: feedback.trackingCode },
    });
    await em.flush();
  }
}
