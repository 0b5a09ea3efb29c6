import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type AuditTables, insertAuditEntries } from '@suara/audit';
import { insertSelect, unnestRows } from '@suara/core';
import {
  FeedbackStatus,
  type IntakeTables,
  type TransitionRecord,
  noticeKeySql,
  noticeOfTransition,
} from '@suara/intake';
import { JobName, type QueueTables, insertJobs } from '@suara/queue';
import { type RoutingBasis, type ScoredAgency } from './entities/routing-decision.entity.js';
import type { RoutingTables } from './routing.tables.js';

/** One item's routing, decided in memory, to be stored with its decision and audit entry. */
export interface RoutedItem {
  feedbackId: string;
  status: FeedbackStatus.ROUTED | FeedbackStatus.NEEDS_TRIAGE;
  agencyCode?: string;
  slaDueAt: Date;
  basis: RoutingBasis;
  confidence: number;
  alternatives: ScoredAgency[];
  decisiveTerms: string[];
  explanation: string;
  modelVersion: number;
  decidedBy: string;
  transition: TransitionRecord;
}

/**
 * Stores the routing of many items in one statement: the status change, the
 * decision, the audit entry and the citizen's notice of each. Only items still
 * RECEIVED are changed, so an item routed meanwhile (a job delivered twice,
 * another worker) is left alone and left out of the answer; the statement is
 * atomic, so no item ever has a decision without its status change or its audit entry.
 * The entities stay the schema's source of truth; this is only the hot write path.
 */
export async function writeRoutingOutcomes(
  em: EntityManager,
  items: RoutedItem[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const col = <T>(pick: (r: RoutedItem) => T) => items.map(pick);
  const rows = await em
    .getKysely<IntakeTables & RoutingTables & AuditTables & QueueTables>()
    .with('input', () =>
      unnestRows({
        id: ['uuid', col((r) => r.feedbackId)],
        status: ['text', col((r) => r.status)],
        agency_code: ['text', col((r) => r.agencyCode)],
        sla_due_at: ['timestamptz', col((r) => r.slaDueAt)],
        decision_id: ['uuid', col(() => randomUUID())],
        basis: ['text', col((r) => r.basis)],
        confidence: ['float8', col((r) => r.confidence)],
        alternatives: ['json', col((r) => r.alternatives)],
        decisive_terms: ['json', col((r) => r.decisiveTerms)],
        explanation: ['text', col((r) => r.explanation)],
        model_version: ['int', col((r) => r.modelVersion)],
        decided_by: ['text', col((r) => r.decidedBy)],
        actor_type: ['text', col((r) => r.transition.actor.type)],
        actor_id: ['text', col((r) => r.transition.actor.id)],
        action: ['text', col((r) => r.transition.action)],
        before: ['json', col((r) => r.transition.before)],
        after: ['json', col((r) => r.transition.after)],
        public_note: ['text', col((r) => r.transition.publicNote)],
        // Only items still RECEIVED are changed.
        notice: ['text', col((r) => noticeOfTransition(FeedbackStatus.RECEIVED, r.status))],
      }),
    )
    .with('changed', (db) =>
      db
        .updateTable('feedback as f')
        .from('input as i')
        .set((eb) => ({
          status: eb.ref('i.status'),
          agency_code: eb.ref('i.agency_code'),
          sla_due_at: eb.ref('i.sla_due_at'),
          version: eb('f.version', '+', eb.lit(1)),
          updated_at: sql<Date>`now()`,
        }))
        .whereRef('f.id', '=', 'i.id')
        .where('f.status', '=', FeedbackStatus.RECEIVED)
        .returning(['f.id', 'f.version', 'f.status']),
    )
    // An item with an agency is analysed for insight (themes, recurring clusters).
    .with('analysis', (db) =>
      insertJobs(
        db,
        JobName.AnalyseFeedback,
        db.selectFrom('changed as c').where('c.status', '=', FeedbackStatus.ROUTED),
        (eb) => ({
          feedbackId: eb.ref('c.id'),
          revision: sql<string>`'analyse:' || ${eb.ref('c.id')} || ':' || ${eb.ref('c.version')}`,
        }),
      ),
    )
    .with('decisions', (db) =>
      insertSelect(
        db,
        'routing_decision',
        db.selectFrom('input as i').innerJoin('changed as c', 'c.id', 'i.id'),
        (eb) => ({
          id: eb.ref('i.decision_id'),
          feedback_id: eb.ref('i.id'),
          kind: eb.val('AUTOMATIC' as const),
          basis: eb.ref('i.basis'),
          agency_code: eb.ref('i.agency_code'),
          confidence: eb.ref('i.confidence'),
          alternatives: eb.ref('i.alternatives'),
          decisive_terms: eb.ref('i.decisive_terms'),
          explanation: eb.ref('i.explanation'),
          model_version: eb.ref('i.model_version'),
          decided_by: eb.ref('i.decided_by'),
          created_at: sql<Date>`now()`,
        }),
      ),
    )
    .with('audited', (db) =>
      insertAuditEntries(
        db,
        db.selectFrom('input as i').innerJoin('changed as c', 'c.id', 'i.id'),
        (eb) => ({
          at: sql<Date>`now()`,
          actorType: eb.ref('i.actor_type'),
          actorId: eb.ref('i.actor_id'),
          action: eb.ref('i.action'),
          subjectType: eb.val('Feedback'),
          subjectId: eb.cast<string>('i.id', 'text'),
          before: eb.ref('i.before'),
          after: eb.ref('i.after'),
          publicNote: eb.ref('i.public_note'),
        }),
      ),
    )
    .with('notices', (db) =>
      insertJobs(
        db,
        JobName.NotifyCitizen,
        db
          .selectFrom('input as i')
          .innerJoin('changed as c', 'c.id', 'i.id')
          .where('i.notice', 'is not', null)
          // Forum statements and reports without a contact have no one to tell: no job for
          // them keeps a forum import from doubling the queue's work.
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('reporter_contact as rc')
                .select('rc.id')
                .whereRef('rc.feedback_id', '=', 'i.id'),
            ),
          ),
        (eb) => ({
          key: noticeKeySql(eb.cast<string>('i.id', 'text'), eb.ref('c.version')),
          feedbackId: eb.cast<string>('i.id', 'text'),
          notice: eb.ref('i.notice').$notNull(),
          at: sql<string>`now()`,
        }),
      ),
    )
    .selectFrom('changed')
    .select('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}
