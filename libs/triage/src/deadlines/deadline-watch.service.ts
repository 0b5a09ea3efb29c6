import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import { type AuditTables, insertAuditEntries } from '@suara/audit';
import { insertSelect } from '@suara/core';
import { IdentityErrors, type Principal, StaffRole } from '@suara/identity';
import {
  Feedback,
  FeedbackEvents,
  FeedbackLifecycle,
  FeedbackPolicy,
  FeedbackStatus,
  type IntakeTables,
} from '@suara/intake';
import { Escalation } from '../entities/escalation.entity.js';
import type { TriageTables } from '../triage.tables.js';
import { type EscalationView, OPEN_STATUSES, escalationView } from '../triage.views.js';

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
    const { n } = await this.em
      .fork()
      .getKysely<IntakeTables & TriageTables & AuditTables>()
      .with('overdue', (db) =>
        db
          .updateTable('feedback as f')
          .set((eb) => ({ escalated_at: now, version: eb('f.version', '+', eb.lit(1)) }))
          .where('f.id', 'in', (eb) =>
            eb
              .selectFrom('feedback')
              .select('id')
              .where('status', 'in', OPEN_STATUSES)
              .where('sla_due_at', '<', now)
              .where('escalated_at', 'is', null)
              .orderBy('sla_due_at')
              .limit(5000)
              .forUpdate()
              .skipLocked(),
          )
          .returning(['f.id', 'f.city_code', 'f.agency_code', 'f.sla_due_at', 'f.status']),
      )
      .with('recorded', (db) =>
        insertSelect(db, 'escalation', db.selectFrom('overdue'), (eb) => ({
          id: sql<string>`gen_random_uuid()`,
          feedback_id: eb.ref('overdue.id'),
          city_code: eb.ref('overdue.city_code'),
          agency_code: eb.ref('overdue.agency_code'),
          // Only overdue items are chosen, so each has a deadline.
          due_at: eb.ref('overdue.sla_due_at').$notNull(),
          status: eb.ref('overdue.status'),
          created_at: eb.val(now),
        })).onConflict((oc) => oc.doNothing()),
      )
      .with('audited', (db) =>
        insertAuditEntries(db, db.selectFrom('overdue'), (eb) => ({
          at: eb.val(now),
          actorType: eb.val(DEADLINE_WATCH.type),
          actorId: eb.val(DEADLINE_WATCH.id),
          action: eb.val(ESCALATED),
          subjectType: eb.val('Feedback'),
          subjectId: eb.cast<string>('overdue.id', 'text'),
          before: eb.lit(null),
          after: jsonBuildObject({
            dueAt: eb.ref('overdue.sla_due_at'),
            status: eb.ref('overdue.status'),
            cityCode: eb.ref('overdue.city_code'),
            agencyCode: eb.ref('overdue.agency_code'),
          }),
        })),
      )
      .selectFrom('overdue')
      .select(({ cast, fn }) => cast<number>(fn.countAll(), 'integer').as('n'))
      .executeTakeFirstOrThrow();
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
  async escalations(actor: Principal, cityCode?: string): Promise<EscalationView[]> {
    const city =
      cityCode?.toUpperCase() ??
      (actor.role === StaffRole.COORDINATOR ? actor.cityCode : undefined);
    if (actor.role !== StaffRole.ADMIN && (!city || !FeedbackPolicy.canOversee(actor, city)))
      throw IdentityErrors.forbidden('melihat eskalasi kota ini');
    const escalations = await this.em.fork().find(Escalation, city ? { cityCode: city } : {}, {
      orderBy: { createdAt: 'desc' },
      limit: 500,
      populate: ['feedback'],
    });
    return escalations.map(escalationView);
  }
}
