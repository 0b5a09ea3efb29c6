import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type AuditActor, AuditService } from '@suara/audit';
import { SuaraConfig } from '@suara/core';
import { checkCitizenSecret } from '../citizen/citizen-secret.js';
import { Feedback } from '../entities/feedback.entity.js';
import { ReporterContact } from '../entities/reporter-contact.entity.js';
import { FeedbackStatus } from '../feedback.enums.js';
import { IntakeErrors } from '../intake.errors.js';
import { STATUS_CHANGED } from '../lifecycle/feedback-lifecycle.js';
import { normaliseTrackingCode } from '../submission/tracking-code.js';

export const CONTACT_ERASED = 'reporter.contact_erased';
const RETENTION = { type: 'SYSTEM' as const, id: 'contact-retention' };
const CITIZEN = { type: 'CITIZEN' as const };
const BATCH = 500;

/** Statuses after which no one works on a report again: its contact is no longer needed. */
export const CLOSED_STATUSES = [
  FeedbackStatus.CLOSED,
  FeedbackStatus.REJECTED,
  FeedbackStatus.DUPLICATE,
] as const;

export interface ContactErasure {
  trackingCode: string;
  /** False when there was nothing left to erase (already erased, or never given). */
  erased: boolean;
}

/**
 * The reporter's right to erasure (UU 27/2022 art. 8) and the retention period:
 * both delete the contact row and make the report anonymous, so the report
 * itself stays for the agency and the statistics. The audit entry names which
 * fields went, never their values; notifications read the address at send time,
 * so nothing queued keeps it either.
 */
@Injectable()
export class ContactErasureService {
  private readonly logger = new Logger(ContactErasureService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly config: SuaraConfig,
  ) {}

  /** The citizen's own request, proven by the receipt's secret. */
  async eraseMyContact(
    trackingCode: string,
    citizenSecret: string | null | undefined,
  ): Promise<ContactErasure> {
    if (!citizenSecret?.trim()) throw IntakeErrors.citizenSecretMissing('menghapus data kontak');
    const code = normaliseTrackingCode(trackingCode);
    return this.em.fork().transactional(async (tx) => {
      const item = code
        ? await tx.findOne(Feedback, { trackingCode: code }, { populate: ['citizenSecretHash'] })
        : null;
      if (!item) throw IntakeErrors.notFoundByCode(trackingCode.slice(0, 32));
      checkCitizenSecret(item, citizenSecret);
      const erased = await this.erase(tx, [item.id], CITIZEN, 'CITIZEN_REQUEST');
      return { trackingCode: item.trackingCode, erased: erased > 0 };
    });
  }

  /**
   * Erases the contacts of reports closed longer ago than the retention period,
   * in batches. The close time is the audit entry that moved the report into its
   * current final status: the trail is the one record of when that happened.
   */
  async eraseExpired(now = new Date()): Promise<{ erased: number }> {
    const days = this.config.env.RETENTION_DAYS_AFTER_CLOSE;
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await this.em.fork().transactional(async (tx) => {
        const rows = await tx.getConnection().execute<{ id: string }[]>(
          `select f.id from reporter_contact rc
             join feedback f on f.id = rc.feedback_id
            where f.status in (?, ?, ?)
              and exists (select 1 from audit_entry a
                           where a.subject_id = f.id::text and a.action = ?
                             and a.after->>'status' = f.status and a.at <= ?)
            order by f.id limit ${BATCH}
            for update of rc skip locked`,
          [...CLOSED_STATUSES, STATUS_CHANGED, cutoff],
          'all',
          tx.getTransactionContext(),
        );
        if (rows.length === 0) return 0;
        return this.erase(
          tx,
          rows.map((r) => r.id),
          RETENTION,
          'RETENTION_PERIOD',
        );
      });
      total += n;
      if (n < BATCH) break;
    }
    if (total) this.logger.log(`Retention: contact details of ${total} closed reports erased`);
    return { erased: total };
  }

  private async erase(
    tx: EntityManager,
    feedbackIds: string[],
    actor: AuditActor,
    reason: string,
  ): Promise<number> {
    const contacts = await tx.find(ReporterContact, { feedback: { $in: feedbackIds } });
    const items = await tx.find(
      Feedback,
      { id: { $in: feedbackIds } },
      { populate: ['idempotencyBodyHash'] },
    );
    for (const item of items) {
      const contact = contacts.find((c) => c.feedback.id === item.id);
      // The keyed hash of the first request covers its contact too: it goes with it.
      item.idempotencyBodyHash = null as unknown as undefined;
      if (!contact) continue;
      this.audit.record(tx, {
        actor,
        action: CONTACT_ERASED,
        subjectType: 'Feedback',
        subjectId: item.id,
        before: { anonymous: item.anonymous },
        after: { anonymous: true, fields: fieldsOf(contact), reason },
      });
      item.anonymous = true;
      tx.remove(contact);
    }
    await tx.flush();
    return contacts.length;
  }
}

/** The names of the fields that held something: never their values. */
function fieldsOf(contact: ReporterContact): string[] {
  return (['name', 'email', 'phone'] as const).filter((k) => contact[k]);
}
