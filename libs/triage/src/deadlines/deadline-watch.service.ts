import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { IdentityErrors, type Principal, StaffRole } from '@suara/identity';
import {
  Feedback,
  FeedbackEvents,
  FeedbackLifecycle,
  FeedbackPolicy,
  FeedbackStatus,
} from '@suara/intake';
import { Escalation } from '../entities/escalation.entity.js';
import { OPEN_STATUSES } from '../triage.views.js';

export const ESCALATED = 'feedback.escalated';
const DEADLINE_WATCH = { type: 'SYSTEM' as const, id: 'deadline-watch' };
const BATCH = 500;

/**
 * The deadlines' keeper, run by a repeatable job: items past their deadline are
 * escalated to the city's coordinator (once per deadline), and resolved items
 * the citizen left unanswered close themselves.
 */
@Injectable()
export class DeadlineWatchService {
  private readonly logger = new Logger(DeadlineWatchService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly lifecycle: FeedbackLifecycle,
    private readonly events: FeedbackEvents,
  ) {}

  async run(now = new Date()): Promise<{ escalated: number; closed: number }> {
    const escalated = await this.escalateOverdue(now);
    const closed = await this.closeUnanswered(now);
    if (escalated || closed)
      this.logger.log(`Deadlines: ${escalated} escalated to coordinators, ${closed} closed`);
    return { escalated, closed };
  }

  /** One statement: mark, record the escalation and its audit entry, all or nothing. */
  async escalateOverdue(now = new Date()): Promise<number> {
    const open = OPEN_STATUSES.map(() => '?').join(', ');
    const [{ n }] = await this.em.fork().execute<{ n: number }[]>(
      `with overdue as (
         update feedback f set escalated_at = ?, version = f.version + 1
          where f.id in (select id from feedback
                          where status in (${open}) and sla_due_at < ? and escalated_at is null
                          order by sla_due_at limit 5000
                          for update skip locked)
         returning f.id, f.city_code, f.agency_code, f.sla_due_at, f.status
       ), recorded as (
         insert into escalation (id, feedback_id, city_code, agency_code, due_at, status, created_at)
         select gen_random_uuid(), id, city_code, agency_code, sla_due_at, status, ? from overdue
         on conflict do nothing
       ), audited as (
         insert into audit_entry (at, actor_type, actor_id, action, subject_type, subject_id, before, after)
         select ?, 'SYSTEM', ?, ?, 'Feedback', id::text, null,
                json_build_object('dueAt', sla_due_at, 'status', status, 'cityCode', city_code, 'agencyCode', agency_code)
           from overdue
       )
       select count(*)::int as n from overdue`,
      [now, ...OPEN_STATUSES, now, now, now, DEADLINE_WATCH.id, ESCALATED],
    );
    return n;
  }

  /** Through the lifecycle, item by item, so each closing is a transition with its audit entry. */
  async closeUnanswered(now = new Date()): Promise<number> {
    let closed = 0;
    for (;;) {
      const batch = await this.em.fork().transactional(async (tx) => {
        const due = await tx.find(
          Feedback,
          { status: FeedbackStatus.RESOLVED, closeDueAt: { $lt: now } },
          // Skip items another worker is closing right now.
          {
            limit: BATCH,
            orderBy: { closeDueAt: 'asc' },
            lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
          },
        );
        for (const item of due) {
          this.lifecycle.transition(tx, item, FeedbackStatus.CLOSED, {
            actor: DEADLINE_WATCH,
            publicNote: 'Ditutup otomatis: tidak ada tanggapan warga setelah laporan diselesaikan.',
          });
        }
        return due;
      });
      closed += batch.length;
      await Promise.all(batch.map((item) => this.events.itemChanged(item)));
      if (batch.length < BATCH) return closed;
    }
  }

  /** Escalations for the coordinator of a city (or an admin), newest first. */
  async escalations(actor: Principal, cityCode?: string): Promise<Escalation[]> {
    const city =
      cityCode?.toUpperCase() ??
      (actor.role === StaffRole.COORDINATOR ? actor.cityCode : undefined);
    if (actor.role !== StaffRole.ADMIN && (!city || !FeedbackPolicy.canOversee(actor, city)))
      throw IdentityErrors.forbidden('melihat eskalasi kota ini');
    return this.em.fork().find(Escalation, city ? { cityCode: city } : {}, {
      orderBy: { createdAt: 'desc' },
      limit: 500,
      populate: ['feedback'],
    });
  }
}
