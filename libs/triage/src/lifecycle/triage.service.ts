import { Injectable } from '@nestjs/common';
import { EntityManager, OptimisticLockError } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { isUuid } from '@suara/core';
import {
  IdentityErrors,
  type Principal,
  StaffRole,
  StaffUser,
  staffAuditActor,
} from '@suara/identity';
import {
  CitizenNotice,
  Feedback,
  FeedbackEvents,
  FeedbackLifecycle,
  FeedbackPolicy,
  FeedbackResponse,
  FeedbackStatus,
  type IntakeTables,
  checkRequiredText,
  isFinal,
  scopeOf,
} from '@suara/intake';
import { sql } from 'kysely';
import { JobName, type QueueTables, insertJobs } from '@suara/queue';
import { Agency, ReferenceService, ServiceDeadlines } from '@suara/reference';
import { RouterModelService, RoutingDecision } from '@suara/routing';
import { TriageErrors } from '../triage.errors.js';
import { type FeedbackView, viewOf } from '../triage.views.js';

/** A new agency (reroute, routed from triage) or a duplicate's new home: insight places the item again. */
function enqueueAnalysis(tx: EntityManager, feedbackId: string) {
  const db = tx.getKysely<IntakeTables & QueueTables>();
  return insertJobs(
    db,
    JobName.AnalyseFeedback,
    db.selectFrom('feedback as f').where('f.id', '=', feedbackId),
    (eb) => ({
      feedbackId: eb.ref('f.id'),
      revision: sql<string>`'analyse:' || ${eb.ref('f.id')} || ':' || ${eb.ref('f.version')}`,
    }),
  ).execute();
}

export const RESPONDED = 'feedback.responded';
export const ASSIGNED = 'feedback.assigned';

/**
 * What staff do to an item, from routed to closed. Every command loads the item,
 * asks the policy, changes it through the lifecycle (which writes the audit
 * entry) and commits under the item's version: a command based on an older
 * version of the item is refused with CONFLICT, never applied over the other.
 */
@Injectable()
export class TriageService {
  constructor(
    private readonly em: EntityManager,
    private readonly lifecycle: FeedbackLifecycle,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly models: RouterModelService,
    private readonly events: FeedbackEvents,
    private readonly deadlines: ServiceDeadlines,
  ) {}

  acknowledge(actor: Principal, id: string, expectedVersion?: number): Promise<FeedbackView> {
    return this.change(actor, id, expectedVersion, 'menangani laporan ini', (tx, item) => {
      this.lifecycle.transition(tx, item, FeedbackStatus.ACKNOWLEDGED, {
        actor: staffAuditActor(actor),
        publicNote: 'Laporan Anda sudah dibaca instansi.',
      });
    });
  }

  /** A public answer moves a fresh item into progress; an internal note changes nothing but the record. */
  respond(
    actor: Principal,
    id: string,
    message: string,
    isPublic: boolean,
    expectedVersion?: number,
  ): Promise<FeedbackView> {
    const text = checkRequiredText(message, 'Tanggapan', 5_000, 'message');
    return this.change(actor, id, expectedVersion, 'menanggapi laporan ini', (tx, item) => {
      if (isFinal(item.status)) throw TriageErrors.closed(item.status);
      if (isPublic && !item.agency) throw TriageErrors.notRoutedYet();
      tx.persist(new FeedbackResponse(item, actor.userId, text, isPublic));
      this.audit.record(tx, {
        actor: staffAuditActor(actor),
        action: RESPONDED,
        subjectType: 'Feedback',
        subjectId: item.id,
        after: { public: isPublic, message: text },
      });
      if (isPublic) this.lifecycle.tellCitizen(tx, item, CitizenNotice.ANSWERED);
      if (
        isPublic &&
        (item.status === FeedbackStatus.ROUTED || item.status === FeedbackStatus.ACKNOWLEDGED)
      ) {
        this.lifecycle.transition(tx, item, FeedbackStatus.IN_PROGRESS, {
          actor: staffAuditActor(actor),
          publicNote: 'Instansi menanggapi dan menindaklanjuti laporan Anda.',
        });
      } else {
        // A note alone is still a change to the item: two staff writing at once must see each other.
        item.updatedAt = new Date();
      }
    });
  }

  assign(
    actor: Principal,
    id: string,
    assigneeId: string,
    expectedVersion?: number,
  ): Promise<FeedbackView> {
    return this.change(actor, id, expectedVersion, 'menugaskan laporan ini', async (tx, item) => {
      if (isFinal(item.status)) throw TriageErrors.closed(item.status);
      const colleague = isUuid(assigneeId) ? await tx.findOne(StaffUser, assigneeId) : null;
      if (
        !colleague ||
        !colleague.active ||
        colleague.role !== StaffRole.AGENCY_STAFF ||
        !item.agency ||
        colleague.agency?.code !== item.agency.code
      ) {
        throw TriageErrors.notColleague();
      }
      this.audit.record(tx, {
        actor: staffAuditActor(actor),
        action: ASSIGNED,
        subjectType: 'Feedback',
        subjectId: item.id,
        before: { assigneeId: item.assignee?.id ?? null },
        after: { assigneeId: colleague.id },
      });
      item.assignee = colleague;
    });
  }

  resolve(
    actor: Principal,
    id: string,
    resolution: string,
    expectedVersion?: number,
  ): Promise<FeedbackView> {
    const text = checkRequiredText(resolution, 'Penyelesaian', 5_000, 'resolution');
    return this.change(actor, id, expectedVersion, 'menyelesaikan laporan ini', (tx, item) => {
      const now = new Date();
      this.lifecycle.transition(tx, item, FeedbackStatus.RESOLVED, {
        actor: staffAuditActor(actor),
        publicNote:
          'Laporan Anda selesai ditangani. Beri nilai jawaban instansi lewat halaman lacak.',
        detail: { resolution: text },
      });
      tx.persist(new FeedbackResponse(item, actor.userId, text, true));
      item.resolvedAt = now;
      item.closeDueAt = this.deadlines.autoClose(now);
    });
  }

  reject(
    actor: Principal,
    id: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<FeedbackView> {
    const text = checkRequiredText(reason, 'Alasan penolakan', 1_000, 'reason');
    return this.change(actor, id, expectedVersion, 'menolak laporan ini', (tx, item) => {
      this.lifecycle.transition(tx, item, FeedbackStatus.REJECTED, {
        actor: staffAuditActor(actor),
        publicNote: `Laporan tidak dapat ditindaklanjuti: ${text}`,
        detail: { reason: text },
      });
    });
  }

  /**
   * Sends the item to another agency of its city. The new agency gets a full
   * deadline of its own, and the correction teaches the router.
   */
  async reroute(
    actor: Principal,
    id: string,
    agencyCode: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<FeedbackView> {
    const why = checkRequiredText(reason, 'Alasan pengalihan', 1_000, 'reason');
    // Reference data may need a query of its own: read it before the row is locked.
    const target = await this.reference.agency(agencyCode ?? '');
    if (!target) throw TriageErrors.unknownAgency(agencyCode);
    return this.change(actor, id, expectedVersion, 'mengalihkan laporan ini', async (tx, item) => {
      if (target.cityCode !== item.city.code) throw TriageErrors.otherCity('agencyCode');
      if (item.agency?.code === target.code) throw TriageErrors.sameAgency(target.code);
      const from = item.agency?.code ?? null;
      item.agency = tx.getReference(Agency, target.code);
      item.slaDueAt = this.deadlines.firstResponse(new Date());
      item.assignee = undefined;
      item.escalatedAt = undefined;
      this.lifecycle.transition(tx, item, FeedbackStatus.ROUTED, {
        actor: staffAuditActor(actor),
        publicNote: `Dialihkan ke ${target.name}.`,
        detail: { from, to: target.code, reason: why },
      });
      tx.persist(
        new RoutingDecision({
          feedback: item,
          kind: 'REROUTE',
          basis: 'STAFF_REROUTE',
          agency: item.agency,
          confidence: 1,
          alternatives: [],
          decisiveTerms: [],
          explanation: `Dialihkan oleh petugas dari ${from ?? 'triase'} ke ${target.code}: ${why}`,
          decidedBy: actor.userId,
        }),
      );
      await this.models.recordLabel(tx, item.id, item.text, target.type);
    });
  }

  /** Folds the item into an earlier report of the same problem; the citizen then follows that one. */
  markDuplicate(
    actor: Principal,
    id: string,
    duplicateOfId: string,
    expectedVersion?: number,
  ): Promise<FeedbackView> {
    return this.change(
      actor,
      id,
      expectedVersion,
      'menggabungkan laporan ini',
      async (tx, item) => {
        if (id === duplicateOfId) throw TriageErrors.selfDuplicate();
        let original = isUuid(duplicateOfId) ? await tx.findOne(Feedback, duplicateOfId) : null;
        if (!original) throw TriageErrors.originalNotFound(duplicateOfId);
        // Always link to the first report, so nobody follows a chain of duplicates.
        if (original.status === FeedbackStatus.DUPLICATE && original.duplicateOf)
          original = await tx.findOneOrFail(Feedback, original.duplicateOf.id);
        if (original.id === item.id) throw TriageErrors.selfDuplicate();
        if (!FeedbackPolicy.canRead(actor, scopeOf(original)))
          throw IdentityErrors.forbidden('menggabungkan dengan laporan itu');
        if (original.city.code !== item.city.code) throw TriageErrors.otherCity('duplicateOfId');
        item.duplicateOf = original;
        this.lifecycle.transition(tx, item, FeedbackStatus.DUPLICATE, {
          actor: staffAuditActor(actor),
          // Never the original's code: it belongs to another citizen.
          publicNote:
            'Digabung dengan laporan lain tentang masalah yang sama; perkembangannya mengikuti laporan tersebut.',
          detail: { duplicateOfId: original.id },
        });
      },
    );
  }

  private async change(
    actor: Principal,
    id: string,
    expectedVersion: number | undefined,
    what: string,
    apply: (tx: EntityManager, item: Feedback) => void | Promise<void>,
  ): Promise<FeedbackView> {
    try {
      const { view, previousAgencyCode } = await this.em.fork().transactional(async (tx) => {
        const item = isUuid(id) ? await tx.findOne(Feedback, id) : null;
        if (!item) throw TriageErrors.notFound(id);
        if (!FeedbackPolicy.canWork(actor, scopeOf(item))) throw IdentityErrors.forbidden(what);
        if (expectedVersion !== undefined && item.version !== expectedVersion)
          throw TriageErrors.staleVersion(item.version, expectedVersion);
        const previousAgencyCode = item.agency?.code;
        await apply(tx, item);
        await tx.flush();
        if (item.agency?.code !== previousAgencyCode || item.status === FeedbackStatus.DUPLICATE)
          await enqueueAnalysis(tx, item.id);
        return { view: viewOf(item), previousAgencyCode };
      });
      await this.events.changed(view, previousAgencyCode);
      return view;
    } catch (error) {
      if (error instanceof OptimisticLockError) throw TriageErrors.staleVersion();
      throw error;
    }
  }
}
