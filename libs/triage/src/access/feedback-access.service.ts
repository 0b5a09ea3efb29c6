import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { isUuid } from '@suara/core';
import { IdentityErrors, type Principal, staffAuditActor } from '@suara/identity';
import { Feedback, FeedbackPolicy, ReporterContact, scopeOf } from '@suara/intake';
import { TriageErrors } from '../triage.errors.js';
import { viewsForReader } from './masked-text.js';
import { type AuditLineView, type FeedbackView, auditLineView, viewOf } from '../triage.views.js';

export const IDENTITY_READ = 'feedback.identity_read';

export interface ReporterIdentity {
  name?: string;
  email?: string;
  phone?: string;
}

/** Reading one item, its reporter and its history, for those the policy lets see them. */
@Injectable()
export class FeedbackAccessService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Principal, id: string): Promise<FeedbackView | null> {
    const em = this.em.fork();
    const item = isUuid(id) ? await em.findOne(Feedback, id) : null;
    if (!item) return null;
    if (!FeedbackPolicy.canRead(actor, scopeOf(item)))
      throw IdentityErrors.forbidden('melihat laporan ini');
    const [view] = await viewsForReader(em, actor, [viewOf(item)]);
    return view;
  }

  /**
   * Who sent the item, for those who may know; null when anonymous or when no
   * contact was given. Every read is written to the audit trail.
   */
  async reporter(actor: Principal, id: string): Promise<ReporterIdentity | null> {
    return this.em.fork().transactional(async (tx) => {
      const item = isUuid(id) ? await tx.findOne(Feedback, id) : null;
      if (!item) throw TriageErrors.notFound(id);
      if (item.anonymous) return null;
      if (!FeedbackPolicy.canReadIdentity(actor, scopeOf(item)))
        throw IdentityErrors.forbidden('melihat identitas pelapor laporan ini');
      const contact = await tx.findOne(ReporterContact, { feedback: item });
      this.audit.record(tx, {
        actor: staffAuditActor(actor),
        action: IDENTITY_READ,
        subjectType: 'Feedback',
        subjectId: item.id,
        after: { fields: contact ? fieldsOf(contact) : [] },
      });
      return contact ? { name: contact.name, email: contact.email, phone: contact.phone } : null;
    });
  }

  /** Everything that happened to an item, oldest first: for its city's coordinator and admins. */
  async auditTrail(actor: Principal, id: string): Promise<AuditLineView[]> {
    const em = this.em.fork();
    const item = isUuid(id) ? await em.findOne(Feedback, id) : null;
    if (!item) throw TriageErrors.notFound(id, 'feedbackId');
    if (!FeedbackPolicy.canOversee(actor, item.city.code))
      throw IdentityErrors.forbidden('melihat jejak audit laporan ini');
    return (await this.audit.trail(em, item.id)).map(auditLineView);
  }
}

function fieldsOf(contact: ReporterContact): string[] {
  return (['name', 'email', 'phone'] as const).filter((k) => contact[k]);
}
