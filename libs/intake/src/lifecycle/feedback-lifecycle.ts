import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type AuditActor, type AuditEntry, AuditService } from '@suara/audit';
import { JobName, outboxMessage } from '@suara/queue';
import { IntakeErrors } from '../intake.errors.js';
import { Feedback } from '../entities/feedback.entity.js';
import { FeedbackStatus } from '../feedback.enums.js';
import { type CitizenNotice, noticeKey, noticeOfTransition } from './citizen-notices.js';
import { ALLOWED_TRANSITIONS, STATUS_LABEL_ID, canTransition } from './transitions.js';

export const STATUS_CHANGED = 'feedback.status_changed';

export interface TransitionOptions {
  actor: AuditActor;
  /** Shown on the citizen's timeline. */
  publicNote?: string;
  /** Recorded in the audit entry only (reasons, agencies, scores). */
  detail?: Record<string, unknown>;
}

/** What a status change writes to the audit trail. */
export type TransitionRecord = ConstructorParameters<typeof AuditEntry>[0];

/**
 * The one way a feedback item changes status: checks the transition table,
 * writes the audit entry and queues the citizen's notice in the caller's unit of
 * work. `plan` is the same check and entry for writers that store many items in
 * one statement, which queue the notice (noticeOfTransition) in that statement too.
 */
@Injectable()
export class FeedbackLifecycle {
  constructor(private readonly audit: AuditService) {}

  transition(
    em: EntityManager,
    feedback: Feedback,
    to: FeedbackStatus,
    options: TransitionOptions,
  ): void {
    const record = this.plan(
      { id: feedback.id, status: feedback.status, agencyCode: feedback.agency?.code },
      to,
      options,
    );
    const from = feedback.status;
    feedback.status = to;
    this.audit.record(em, record);
    const notice = noticeOfTransition(from, to);
    if (notice) this.tellCitizen(em, feedback, notice);
  }

  /**
   * Queues a message to the item's citizen about the change in the caller's unit
   * of work, through the outbox: it leaves only if the change commits. Whether
   * there is anyone to tell is decided when it is sent, from the contact as it
   * is then; a contact erased meanwhile is told nothing.
   */
  tellCitizen(em: EntityManager, feedback: Feedback, notice: CitizenNotice): void {
    em.persist(
      outboxMessage(JobName.NotifyCitizen, {
        // The flush raises the version once for the whole unit of work.
        key: noticeKey(feedback.id, feedback.version + 1),
        feedbackId: feedback.id,
        notice,
        at: new Date().toISOString(),
      }),
    );
  }

  /** Refuses an illegal move with CONFLICT; otherwise describes its audit entry. */
  plan(
    feedback: { id: string; status: FeedbackStatus; agencyCode?: string },
    to: FeedbackStatus,
    options: TransitionOptions,
  ): TransitionRecord {
    const from = feedback.status;
    if (!canTransition(from, to)) {
      const allowed = ALLOWED_TRANSITIONS[from].map((s) => `${s} (${STATUS_LABEL_ID[s]})`);
      throw IntakeErrors.illegalTransition(from, STATUS_LABEL_ID[from], to, allowed);
    }
    return {
      actor: options.actor,
      action: STATUS_CHANGED,
      subjectType: 'Feedback',
      subjectId: feedback.id,
      before: { status: from },
      after: { status: to, agencyCode: feedback.agencyCode ?? null, ...options.detail },
      publicNote: options.publicNote,
    };
  }
}
