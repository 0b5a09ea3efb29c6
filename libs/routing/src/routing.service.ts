import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { DomainError, SuaraConfig, isUuid } from '@suara/core';
import { type Principal, StaffRole } from '@suara/identity';
import { Feedback, FeedbackEvents, FeedbackLifecycle, FeedbackStatus } from '@suara/intake';
import { JobName } from '@suara/queue';
import { Agency, ReferenceService, WorkingCalendar, agencyCode } from '@suara/reference';
import { RoutingDecision } from './entities/routing-decision.entity.js';
import { decideRoute } from './router/route-decision.js';
import { RouterModelService } from './router-model.service.js';

export type RoutingOutcome = 'ROUTED' | 'NEEDS_TRIAGE' | 'ALREADY_ROUTED' | 'NOT_FOUND';

const ROUTER = { type: 'SYSTEM' as const, id: 'router' };

@Injectable()
export class RoutingService {
  private readonly calendar: WorkingCalendar;

  constructor(
    private readonly em: EntityManager,
    private readonly lifecycle: FeedbackLifecycle,
    private readonly models: RouterModelService,
    private readonly reference: ReferenceService,
    private readonly config: SuaraConfig,
    private readonly events: FeedbackEvents,
  ) {
    this.calendar = WorkingCalendar.fromSetting(config.env.HOLIDAYS);
  }

  /**
   * Reads a received item and sends it to its agency or to triage, recording
   * the decision and the deadline. Idempotent: the row is locked, and an item
   * that is no longer RECEIVED is left alone, so a job delivered twice (a relay
   * retry, a worker killed mid-job) changes nothing the second time.
   */
  async route(feedbackId: string): Promise<RoutingOutcome> {
    // Everything that may need a connection of its own is read before the row lock
    // is taken: a job holding a transaction while waiting for a second connection
    // deadlocks the pool once every job of the worker does the same.
    const { version, model } = await this.models.activeModel();
    const agencies = await this.reference.agencyIndex();
    const decided: { item?: Feedback } = {};
    const outcome = await this.em.fork().transactional(async (tx): Promise<RoutingOutcome> => {
      const feedback = await tx.findOne(Feedback, feedbackId, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        populate: ['agencyHint'],
      });
      if (!feedback) return 'NOT_FOUND';
      if (feedback.status !== FeedbackStatus.RECEIVED) return 'ALREADY_ROUTED';

      const outcome = decideRoute(model.predict(feedback.text), feedback.agencyHint?.type, {
        minConfidence: this.config.env.ROUTING_MIN_CONFIDENCE,
        hintOverrideConfidence: this.config.env.ROUTING_HINT_OVERRIDE_CONFIDENCE,
      });
      const city = feedback.city.code;
      const chosen = outcome.agencyType
        ? agencies.get(agencyCode(city, outcome.agencyType))
        : undefined;
      tx.persist(
        new RoutingDecision({
          feedback,
          kind: 'AUTOMATIC',
          basis: outcome.basis,
          agency: chosen ? tx.getReference(Agency, chosen.code) : undefined,
          confidence: outcome.confidence,
          alternatives: outcome.alternatives.map((a) => ({
            agencyCode: agencyCode(city, a.agencyType),
            score: a.score,
          })),
          decisiveTerms: outcome.decisiveTerms,
          explanation: outcome.explanation,
          modelVersion: version,
          decidedBy: ROUTER.id,
        }),
      );
      const now = new Date();
      if (chosen) {
        feedback.agency = tx.getReference(Agency, chosen.code);
        feedback.slaDueAt = this.calendar.addWorkingDays(
          now,
          this.config.env.SLA_FIRST_RESPONSE_DAYS,
        );
        this.lifecycle.transition(tx, feedback, FeedbackStatus.ROUTED, {
          actor: ROUTER,
          publicNote: `Diteruskan ke ${chosen.name}.`,
          detail: { basis: outcome.basis, confidence: outcome.confidence, modelVersion: version },
        });
        decided.item = feedback;
        return 'ROUTED';
      }
      feedback.slaDueAt = this.calendar.addWorkingDays(
        feedback.submittedAt,
        this.config.env.SLA_ROUTE_DAYS,
      );
      this.lifecycle.transition(tx, feedback, FeedbackStatus.NEEDS_TRIAGE, {
        actor: ROUTER,
        publicNote: 'Petugas kota sedang menentukan instansi yang tepat.',
        detail: { basis: outcome.basis, confidence: outcome.confidence, modelVersion: version },
      });
      decided.item = feedback;
      return 'NEEDS_TRIAGE';
    });
    const item = decided.item;
    if (item) {
      await this.events.itemChanged(item);
    }
    return outcome;
  }

  /**
   * Hands items still RECEIVED long after submission to the queue again: their
   * job was lost (Redis lost its data) or never relayed. BullMQ ignores a job
   * whose id it still holds, so items merely waiting their turn are not doubled.
   */
  async sweepUnrouted(olderThanMs = this.config.env.SWEEP_UNROUTED_AFTER_MS): Promise<number> {
    const rows = await this.em.fork().execute<{ n: number }[]>(
      `with stuck as (
         insert into outbox_message (job_name, job_id, payload)
         select ?, f.id::text, json_build_object('feedbackId', f.id)
         from feedback f
         where f.status = ? and f.submitted_at < now() - (? * interval '1 millisecond')
           and not exists (select 1 from outbox_message o where o.job_id = f.id::text)
         returning 1
       ) select count(*)::int as n from stuck`,
      [JobName.RouteFeedback, FeedbackStatus.RECEIVED, olderThanMs],
    );
    return rows[0].n;
  }

  /**
   * The routing decisions of an item, for whoever may see the item: admins and
   * planners anywhere, coordinators in their city, staff for their agency's items.
   */
  async decisions(actor: Principal, feedbackId: string): Promise<RoutingDecision[]> {
    const em = this.em.fork();
    const feedback = isUuid(feedbackId) ? await em.findOne(Feedback, feedbackId) : null;
    if (!feedback)
      throw new DomainError('NOT_FOUND', `Laporan ${feedbackId} tidak ditemukan.`, 'feedbackId');
    const allowed =
      actor.role === StaffRole.ADMIN ||
      actor.role === StaffRole.PLANNER ||
      (actor.role === StaffRole.COORDINATOR && actor.cityCode === feedback.city.code) ||
      (actor.role === StaffRole.AGENCY_STAFF && actor.agencyCode === feedback.agency?.code);
    if (!allowed) throw new DomainError('FORBIDDEN', 'Anda tidak berwenang melihat laporan ini.');
    return em.find(
      RoutingDecision,
      { feedback },
      { orderBy: { createdAt: 'asc' }, populate: ['agency'] },
    );
  }
}
