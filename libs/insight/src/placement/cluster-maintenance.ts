import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { unnestRows } from '@suara/core';
import { clusterLabel } from '../clustering/cluster-label.js';
import { GapStatus } from '../entities/competency-gap.entity.js';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import type { InsightTables } from '../insight.tables.js';
import {
  type ClusterSummary,
  type RecurrenceSettings,
  summariseCluster,
} from '../store/cluster-summary.js';

/**
 * Brings clusters' counters, labels and gap links in line with their members,
 * inside the caller's transaction (which holds their agencies' locks), a few
 * statements for any number of clusters. Counters come from the members, from
 * scratch, never incremented. A cluster left without members is deleted, with
 * its postings and evidence links.
 */
export async function refreshClusters(
  em: EntityManager,
  clusterIds: Iterable<string>,
  rule: RecurrenceSettings,
): Promise<void> {
  const ids = [...new Set(clusterIds)].sort();
  if (ids.length === 0) return;
  const db = em.getKysely<InsightTables>();
  const members = await db
    .selectFrom('insight_item')
    .select(['cluster_id', 'reporter_key', 'kind', 'themes', 'competencies', 'submitted_at'])
    .where(({ eb, fn, val }) => eb('cluster_id', '=', fn.any(val(ids))))
    .execute();
  const byCluster = new Map<string, typeof members>();
  for (const m of members) {
    const list = byCluster.get(m.cluster_id) ?? [];
    list.push(m);
    byCluster.set(m.cluster_id, list);
  }
  const empty = ids.filter((id) => !byCluster.has(id));
  if (empty.length)
    await db
      .deleteFrom('complaint_cluster')
      .where(({ eb, fn, val }) => eb('id', '=', fn.any(val(empty))))
      .execute();
  const clusters = await db
    .selectFrom('complaint_cluster as c')
    .innerJoin('insight_generation as g', 'g.id', 'c.generation')
    .select([
      'c.id',
      'c.generation',
      'c.agency_code',
      'c.city_code',
      'c.term_counts',
      'g.documents',
    ])
    .where(({ eb, fn, val }) => eb('c.id', '=', fn.any(val(ids))))
    .execute();
  const summaries = new Map<string, ClusterSummary>();
  for (const c of clusters) {
    const summary = summariseCluster(
      (byCluster.get(c.id) ?? []).map((m) => ({
        reporterKey: m.reporter_key,
        kind: m.kind,
        themes: m.themes,
        competencies: m.competencies,
        submittedAt: new Date(m.submitted_at),
      })),
      rule,
    );
    if (summary) summaries.set(c.id, summary);
  }
  const live = clusters.filter((c) => summaries.has(c.id));
  if (live.length === 0) return;
  // Only terms half the members share can make a label: their statistics are all it reads.
  const shared = live.flatMap((c) => {
    const size = summaries.get(c.id)!.size;
    return Object.entries(c.term_counts)
      .filter(([, n]) => size === 1 || n * 2 >= size)
      .map(([term]) => ({ generation: c.generation, term }));
  });
  const dfRows = shared.length
    ? await db
        .selectFrom(
          unnestRows({
            generation: ['int', shared.map((s) => s.generation)],
            term: ['text', shared.map((s) => s.term)],
          }).as('s'),
        )
        .innerJoin('term_frequency as f', (join) =>
          join.onRef('f.generation', '=', 's.generation').onRef('f.term', '=', 's.term'),
        )
        .select(['f.generation', 'f.term', 'f.df'])
        .execute()
    : [];
  const df = new Map(dfRows.map((r) => [`${r.generation}\u0000${r.term}`, r.df]));
  const rows = live.map((c) => {
    const summary = summaries.get(c.id)!;
    const idf = (t: string) =>
      Math.log((c.documents + 2) / ((df.get(`${c.generation}\u0000${t}`) ?? 0) + 1));
    const termCounts = new Map(Object.entries(c.term_counts));
    return {
      id: c.id,
      summary,
      label: clusterLabel({ size: summary.size, termCounts }, idf).join(' ').slice(0, 300),
    };
  });
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  await db
    .with('input', () =>
      unnestRows({
        id: ['uuid', col((r) => r.id)],
        size: ['int', col((r) => r.summary.size)],
        distinct_reporters: ['int', col((r) => r.summary.distinctReporters)],
        complaints: ['int', col((r) => r.summary.complaints)],
        first_seen_at: ['timestamptz', col((r) => r.summary.firstSeenAt)],
        last_seen_at: ['timestamptz', col((r) => r.summary.lastSeenAt)],
        themes: ['json', col((r) => r.summary.themes)],
        competencies: ['json', col((r) => r.summary.competencies)],
        recurring: ['boolean', col((r) => r.summary.recurring)],
        label: ['text', col((r) => r.label)],
      }),
    )
    .updateTable('complaint_cluster as c')
    .from('input as i')
    .set((eb) => ({
      size: eb.ref('i.size'),
      distinct_reporters: eb.ref('i.distinct_reporters'),
      complaints: eb.ref('i.complaints'),
      first_seen_at: eb.ref('i.first_seen_at'),
      last_seen_at: eb.ref('i.last_seen_at'),
      themes: eb.ref('i.themes'),
      competencies: eb.ref('i.competencies'),
      recurring: eb.ref('i.recurring'),
      label: eb.ref('i.label'),
    }))
    .whereRef('c.id', '=', 'i.id')
    .execute();
  await linkGaps(
    em,
    live.map((c) => ({
      clusterId: c.id,
      agencyCode: c.agency_code,
      cityCode: c.city_code,
      competencies: summaries.get(c.id)!.recurring ? summaries.get(c.id)!.competencies : [],
    })),
  );
}

interface GapEvidenceOf {
  clusterId: string;
  agencyCode: string;
  cityCode: string;
  /** The competencies the cluster is evidence for: none unless it is recurring. */
  competencies: readonly string[];
}

/**
 * A recurring cluster is evidence of one gap per competency its complaints
 * point at; a cluster that stops being recurring (an item moved out) stops
 * being evidence. A link a planner dismissed is never made again; a new cluster
 * pointing at a dismissed gap reopens it, since that is evidence nobody judged.
 */
async function linkGaps(em: EntityManager, clusters: readonly GapEvidenceOf[]): Promise<void> {
  const db = em.getKysely<InsightTables>();
  const pairs = clusters
    .flatMap((c) => [...new Set(c.competencies)].map((competency) => ({ ...c, competency })))
    .sort(
      (a, b) =>
        a.agencyCode.localeCompare(b.agencyCode) ||
        a.competency.localeCompare(b.competency) ||
        a.clusterId.localeCompare(b.clusterId),
    );
  const wanted = unnestRows({
    cluster_id: ['uuid', pairs.map((p) => p.clusterId)],
    agency_code: ['text', pairs.map((p) => p.agencyCode)],
    city_code: ['text', pairs.map((p) => p.cityCode)],
    competency_code: ['text', pairs.map((p) => p.competency)],
  });
  await db
    .deleteFrom('gap_evidence as e')
    .using('competency_gap as g')
    .whereRef('e.gap_id', '=', 'g.id')
    .where(({ eb, fn, val }) =>
      eb('e.cluster_id', '=', fn.any(val(clusters.map((c) => c.clusterId)))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom(wanted.as('w'))
            .select('w.cluster_id')
            .whereRef('w.cluster_id', '=', 'e.cluster_id')
            .whereRef('w.competency_code', '=', 'g.competency_code'),
        ),
      ),
    )
    .execute();
  if (pairs.length === 0) return;
  await db
    .insertInto('competency_gap')
    .columns(['id', 'agency_code', 'city_code', 'competency_code'])
    .expression(
      db
        .selectFrom(wanted.as('w'))
        .select([
          sql<string>`gen_random_uuid()`.as('id'),
          'w.agency_code',
          'w.city_code',
          'w.competency_code',
        ])
        // The competency table is reference's: no typed form here.
        .where(sql<boolean>`exists (select 1 from competency k where k.code = w.competency_code)`),
    )
    .onConflict((oc) => oc.columns(['agency_code', 'competency_code']).doNothing())
    .execute();
  const linked = await db
    .insertInto('gap_evidence')
    .columns(['gap_id', 'cluster_id'])
    .expression(
      db
        .selectFrom(wanted.as('w'))
        .innerJoin('competency_gap as g', (join) =>
          join
            .onRef('g.agency_code', '=', 'w.agency_code')
            .onRef('g.competency_code', '=', 'w.competency_code'),
        )
        .select(['g.id as gap_id', 'w.cluster_id'])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('gap_dismissal as d')
                .select('d.gap_id')
                .whereRef('d.gap_id', '=', 'g.id')
                .whereRef('d.cluster_id', '=', 'w.cluster_id'),
            ),
          ),
        ),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['gap_id', 'cluster_id'])
    .execute();
  if (linked.length === 0) return;
  await db
    .updateTable('competency_gap as g')
    .from(
      unnestRows({
        gap_id: ['uuid', linked.map((l) => l.gap_id)],
        cluster_id: ['uuid', linked.map((l) => l.cluster_id)],
      }).as('l'),
    )
    .innerJoin('complaint_cluster as c', 'c.id', 'l.cluster_id')
    .innerJoin('insight_generation as gen', 'gen.id', 'c.generation')
    .set({ status: GapStatus.OPEN, updated_at: sql<Date>`now()` })
    .whereRef('g.id', '=', 'l.gap_id')
    .where('gen.status', '=', GenerationStatus.ACTIVE)
    .where('g.status', '=', GapStatus.DISMISSED)
    .execute();
}
