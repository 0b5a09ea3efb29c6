import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type AuditActor, type AuditEntry, AuditService } from '@suara/audit';
import { IntakeErrors } from '../intake.errors.js';
import { Feedback } from '../entities/feedback.entity.js';
import { FeedbackStatus } from '../feedback.enums.js';
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
 * The one way a feedback item changes status: checks the transition table and
 * writes the audit entry in the caller's unit of work. `plan` is the same check
 * and entry for writers that store many items in one statement.
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
    feedback.status = to;
    this.audit.record(em, record);
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
