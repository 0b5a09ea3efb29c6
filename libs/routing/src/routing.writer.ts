import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { FeedbackStatus, type TransitionRecord } from '@suara/intake';
import { type RoutingBasis, type ScoredAgency } from './entities/routing-decision.entity.js';

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
 * decision and the audit entry of each. Only items still RECEIVED are changed,
 * so an item routed meanwhile (a job delivered twice, another worker) is left
 * alone and left out of the answer; the statement is atomic, so no item ever has
 * a decision without its status change or its audit entry.
 * The entities stay the schema's source of truth; this is only the hot write path.
 */
export async function writeRoutingOutcomes(
  em: EntityManager,
  items: RoutedItem[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const col = <T>(pick: (r: RoutedItem) => T) => items.map(pick);
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  const { rows } = await sql<{ id: string }>`
    with input as (
      select * from unnest(
        ${col((r) => r.feedbackId)}::uuid[], ${col((r) => r.status)}::text[], ${col((r) => r.agencyCode ?? null)}::text[],
        ${col((r) => r.slaDueAt)}::timestamptz[], ${col(() => randomUUID())}::uuid[], ${col((r) => r.basis)}::text[],
        ${col((r) => r.confidence)}::float8[], ${col((r) => json(r.alternatives))}::json[], ${col((r) => json(r.decisiveTerms))}::json[],
        ${col((r) => r.explanation)}::text[], ${col((r) => r.modelVersion)}::int[], ${col((r) => r.decidedBy)}::text[],
        ${col((r) => r.transition.actor.type)}::text[], ${col((r) => r.transition.actor.id ?? null)}::text[],
        ${col((r) => r.transition.action)}::text[], ${col((r) => json(r.transition.before))}::json[],
        ${col((r) => json(r.transition.after))}::json[], ${col((r) => r.transition.publicNote ?? null)}::text[]
      ) as t(id, status, agency_code, sla_due_at, decision_id, basis, confidence, alternatives, decisive_terms,
             explanation, model_version, decided_by, actor_type, actor_id, action, before, after, public_note)
    ),
    changed as (
      update feedback f
         set status = i.status, agency_code = i.agency_code, sla_due_at = i.sla_due_at,
             version = f.version + 1, updated_at = now()
        from input i
       where f.id = i.id and f.status = ${FeedbackStatus.RECEIVED}
      returning f.id
    ),
    decisions as (
      insert into routing_decision (id, feedback_id, kind, basis, agency_code, confidence, alternatives,
                                    decisive_terms, explanation, model_version, decided_by, created_at)
      select i.decision_id, i.id, 'AUTOMATIC', i.basis, i.agency_code, i.confidence, i.alternatives,
             i.decisive_terms, i.explanation, i.model_version, i.decided_by, now()
        from input i join changed c on c.id = i.id
    ),
    audited as (
      insert into audit_entry (at, actor_type, actor_id, action, subject_type, subject_id, before, after, public_note)
      select now(), i.actor_type, i.actor_id, i.action, 'Feedback', i.id::text, i.before, i.after, i.public_note
        from input i join changed c on c.id = i.id
    )
    select id from changed`.execute(em.getKysely());
  return new Set(rows.map((r) => r.id));
}
