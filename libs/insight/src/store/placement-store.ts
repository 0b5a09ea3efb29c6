import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { unnestRows } from '@suara/core';
import type { CandidateQuery, ClusterSnapshot } from '../clustering/cluster-index.port.js';
import { ClusterStatus } from '../entities/complaint-cluster.entity.js';
import type { GenerationStatus } from '../entities/insight-generation.entity.js';
import type { InsightTables } from '../insight.tables.js';

/**
 * The statements of batch placement, each for a whole batch of one generation:
 * the number of round trips of a batch does not depend on how many items it has.
 */

/** Where an item sits in a generation, and the terms it brought to that cluster. */
export interface Membership {
  clusterId: string;
  agencyCode: string;
  terms: string[];
}

export async function readMemberships(
  em: EntityManager,
  generation: number,
  ids: readonly string[],
): Promise<Map<string, Membership>> {
  if (ids.length === 0) return new Map();
  const rows = await em
    .getKysely<InsightTables>()
    .selectFrom('insight_item')
    .select(['feedback_id', 'cluster_id', 'agency_code', 'terms'])
    .where('generation', '=', generation)
    .where(({ eb, fn, val }) => eb('feedback_id', '=', fn.any(val([...ids]))))
    .execute();
  return new Map(
    rows.map((r) => [
      r.feedback_id,
      { clusterId: r.cluster_id, agencyCode: r.agency_code, terms: r.terms },
    ]),
  );
}

/**
 * Advisory lock classes of the two-key form (a key space apart from the agency
 * locks' one-key form, so no key of one kind can collide with the other's).
 */
const GENERATION_LOCK = 0x5a01;
const ITEM_LOCK = 0x5a02;

/**
 * Placement into a generation holds its lock shared for the whole transaction;
 * a rebuild's switch-over holds it exclusive. So no batch writes into a
 * generation while it changes status, and a batch that waited re-reads the
 * status after (a RETIRED generation is skipped). A lock rather than FOR SHARE
 * on the generation's row: the batch updates that row (its document count).
 */
export async function lockGeneration(
  em: EntityManager,
  generation: number,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const db = em.getKysely<InsightTables>();
  // No typed form for advisory locks.
  if (mode === 'shared')
    await sql`select pg_advisory_xact_lock_shared(${GENERATION_LOCK}::int, ${generation}::int)`.execute(
      db,
    );
  else
    await sql`select pg_advisory_xact_lock(${GENERATION_LOCK}::int, ${generation}::int)`.execute(
      db,
    );
}

/**
 * Serialises the processing of each item, whatever its agencies, for the rest
 * of the transaction, taken before anything about the items is read: two
 * revisions of one item (routed, then rerouted) placed at once by two workers
 * are placed one after the other, the second reading what the first wrote.
 * Sorted, and always before the agency locks, so batches cannot deadlock.
 */
export async function lockItems(em: EntityManager, ids: Iterable<string>): Promise<void> {
  const keys = [...new Set(ids)].sort();
  if (keys.length === 0) return;
  // No typed form for a set-returning function over an array parameter.
  await sql`select pg_advisory_xact_lock(${ITEM_LOCK}::int, hashtext(k)) from unnest(${keys}::text[]) as k`.execute(
    em.getKysely<InsightTables>(),
  );
}

/** The generation's status, read under its lock (undefined once it is gone). */
export async function generationStatus(
  em: EntityManager,
  generation: number,
): Promise<GenerationStatus | undefined> {
  const row = await em
    .getKysely<InsightTables>()
    .selectFrom('insight_generation')
    .select('status')
    .where('id', '=', generation)
    .executeTakeFirst();
  return row?.status;
}

/**
 * Serialises placement within each agency (and generation) for the rest of the
 * transaction: candidate lookup and insert happen under the lock, so two workers
 * placing near-identical items cannot both miss each other's new cluster. The
 * keys are taken in sorted order (unnest keeps the array's order), so two
 * batches sharing agencies cannot deadlock.
 */
export async function lockAgencies(
  em: EntityManager,
  generation: number,
  agencies: Iterable<string | null | undefined>,
): Promise<void> {
  const keys = [...new Set([...agencies].filter((a): a is string => !!a))]
    .sort()
    .map((agency) => `insight:${generation}:${agency}`);
  if (keys.length === 0) return;
  // No typed form for a set-returning function over an array parameter.
  await sql`select pg_advisory_xact_lock(hashtext(k)) from unnest(${keys}::text[]) as k`.execute(
    em.getKysely<InsightTables>(),
  );
}

/** The answer of one candidate query: cluster ids with the number of keys they matched. */
export type CandidateHits = { clusterId: string; shared: number }[];

/**
 * Candidate lookups of a whole batch in ONE query: for each query and key, an
 * index range read of cluster_term (generation, agency, term, last_seen_at desc)
 * limited to `perKeyLimit` rows, grouped by cluster per query, the `limit` best
 * kept, joined to their clusters. Each cluster's centroid comes once however
 * many queries found it. Its cost depends on the keys and limits, never on the
 * number of stored items.
 */
export async function lookupCandidates(
  em: EntityManager,
  generation: number,
  queries: readonly CandidateQuery[],
): Promise<{ hits: CandidateHits[]; clusters: Map<string, ClusterSnapshot> }> {
  const hits: CandidateHits[] = queries.map(() => []);
  const clusters = new Map<string, ClusterSnapshot>();
  // The limits are constants of the statement (the planner reads them), so queries with
  // other limits (none in practice: one placer's options) are asked separately.
  const { perKeyLimit, limit } = queries[0] ?? { perKeyLimit: 0, limit: 0 };
  const other = queries.flatMap((q, i) =>
    q.perKeyLimit === perKeyLimit && q.limit === limit ? [] : [i],
  );
  if (other.length) {
    const rest = await lookupCandidates(
      em,
      generation,
      other.map((i) => queries[i]),
    );
    other.forEach((i, j) => (hits[i] = rest.hits[j]));
    rest.clusters.forEach((c, id) => clusters.set(id, c));
  }
  const asked = queries.flatMap((q, n) =>
    other.includes(n) ? [] : q.keys.map((term) => ({ n, term })),
  );
  if (asked.length === 0) return { hits, clusters };
  const rows = await em
    .getKysely<InsightTables>()
    .with('q', () =>
      unnestRows({
        n: ['int', queries.map((_, n) => n)],
        agency: ['text', queries.map((q) => q.agency)],
      }),
    )
    .with('k', () =>
      unnestRows({ n: ['int', asked.map((a) => a.n)], term: ['text', asked.map((a) => a.term)] }),
    )
    .with('hits', (db) =>
      db
        .selectFrom('k')
        .innerJoin('q', 'q.n', 'k.n')
        .innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('cluster_term as t')
              .select('t.cluster_id')
              .where('t.generation', '=', generation)
              .whereRef('t.agency_code', '=', 'q.agency')
              .whereRef('t.term', '=', 'k.term')
              .orderBy('t.last_seen_at', 'desc')
              .limit(perKeyLimit)
              .as('p'),
          (join) => join.onTrue(),
        )
        .select((eb) => [
          'k.n',
          'p.cluster_id',
          eb.cast<number>(eb.fn.countAll(), 'integer').as('shared'),
        ])
        .groupBy(['k.n', 'p.cluster_id']),
    )
    .with('ranked', (db) =>
      db
        .selectFrom('hits')
        .selectAll()
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((ob) => ob.partitionBy('n').orderBy('shared', 'desc').orderBy('cluster_id'))
            .as('r'),
        ),
    )
    .selectFrom('ranked as h')
    .innerJoin('complaint_cluster as c', 'c.id', 'h.cluster_id')
    .select((eb) => [
      'h.n',
      'h.shared',
      'c.id',
      'c.agency_code',
      'c.size',
      // A centroid once per cluster, not once per query that found it.
      eb
        .case()
        .when(
          eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('c.id').orderBy('h.n')),
          '=',
          1,
        )
        .then(eb.ref('c.term_counts'))
        .else(null)
        .end()
        .as('term_counts'),
    ])
    .where('h.r', '<=', limit)
    .where('c.status', '=', ClusterStatus.OPEN)
    .where('c.size', '>', 0)
    .orderBy('h.n')
    .orderBy('h.shared', 'desc')
    .orderBy('c.id')
    .execute();
  for (const r of rows) {
    hits[r.n].push({ clusterId: r.id, shared: r.shared });
    if (r.term_counts)
      clusters.set(r.id, {
        id: r.id,
        agency: r.agency_code,
        size: r.size,
        termCounts: new Map(Object.entries(r.term_counts)),
      });
  }
  return { hits, clusters };
}

export interface NewCluster {
  id: string;
  agencyCode: string;
  cityCode: string;
  at: Date;
}

/** Clusters started by a batch; their terms and counters follow from their members. */
export async function insertClusters(
  em: EntityManager,
  generation: number,
  clusters: readonly NewCluster[],
): Promise<void> {
  if (clusters.length === 0) return;
  await em
    .getKysely<InsightTables>()
    .insertInto('complaint_cluster')
    .values(
      clusters.map((c) => ({
        id: c.id,
        generation,
        agency_code: c.agencyCode,
        city_code: c.cityCode,
        first_seen_at: c.at,
        last_seen_at: c.at,
        themes: sql<string[]>`'[]'::jsonb`,
        competencies: sql<string[]>`'[]'::jsonb`,
        term_counts: sql<Record<string, number>>`'{}'::jsonb`,
      })),
    )
    .execute();
}

/** An item's reading and cluster in one generation. */
export interface ItemRow {
  feedbackId: string;
  clusterId: string;
  agencyCode: string;
  reporterKey: string;
  kind: string;
  themes: string[];
  triggers: Record<string, string[]>;
  competencies: string[];
  terms: string[];
  submittedAt: Date;
}

/** One row per item and generation: processing an item again replaces its row. */
export async function upsertItems(
  em: EntityManager,
  generation: number,
  items: readonly ItemRow[],
): Promise<void> {
  if (items.length === 0) return;
  const col = <T>(pick: (r: ItemRow) => T) => items.map(pick);
  const db = em.getKysely<InsightTables>();
  await db
    .insertInto('insight_item')
    .columns([
      'generation',
      'feedback_id',
      'cluster_id',
      'agency_code',
      'reporter_key',
      'kind',
      'themes',
      'triggers',
      'competencies',
      'terms',
      'submitted_at',
    ])
    .expression(
      db
        .selectFrom(
          unnestRows({
            feedback_id: ['uuid', col((r) => r.feedbackId)],
            cluster_id: ['uuid', col((r) => r.clusterId)],
            agency_code: ['text', col((r) => r.agencyCode)],
            reporter_key: ['text', col((r) => r.reporterKey)],
            kind: ['text', col((r) => r.kind)],
            themes: ['json', col((r) => r.themes)],
            triggers: ['json', col((r) => r.triggers)],
            competencies: ['json', col((r) => r.competencies)],
            terms: ['json', col((r) => r.terms)],
            submitted_at: ['timestamptz', col((r) => r.submittedAt)],
          }).as('x'),
        )
        .select((eb) => [
          eb.val(generation).as('generation'),
          'x.feedback_id',
          'x.cluster_id',
          'x.agency_code',
          'x.reporter_key',
          'x.kind',
          'x.themes',
          'x.triggers',
          'x.competencies',
          'x.terms',
          'x.submitted_at',
        ]),
    )
    .onConflict((oc) =>
      oc.columns(['generation', 'feedback_id']).doUpdateSet((eb) => ({
        cluster_id: eb.ref('excluded.cluster_id'),
        agency_code: eb.ref('excluded.agency_code'),
        reporter_key: eb.ref('excluded.reporter_key'),
        kind: eb.ref('excluded.kind'),
        themes: eb.ref('excluded.themes'),
        triggers: eb.ref('excluded.triggers'),
        competencies: eb.ref('excluded.competencies'),
        terms: eb.ref('excluded.terms'),
        placed_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

export async function deleteItems(
  em: EntityManager,
  generation: number,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await em
    .getKysely<InsightTables>()
    .deleteFrom('insight_item')
    .where('generation', '=', generation)
    .where(({ eb, fn, val }) => eb('feedback_id', '=', fn.any(val([...ids]))))
    .execute();
}

/** A change of one term's member count in one cluster (+1 an item joined, −1 one left). */
export interface TermDelta {
  clusterId: string;
  term: string;
  delta: number;
  /** The joining item's time (how recently the posting was active); none for a leaving one. */
  at?: Date;
}

/** A leaving item does not make a posting more recent: the oldest time there is. */
const NEVER = new Date(0);

/**
 * Applies a batch's changes to the postings (cluster_term) and rewrites each
 * changed cluster's centroid (term_counts) from its postings, which hold the
 * same counts: the centroid is derived, never patched. Rows in (cluster, term)
 * order; the caller holds the clusters' agency locks.
 */
export async function applyTermDeltas(
  em: EntityManager,
  deltas: readonly TermDelta[],
): Promise<void> {
  if (deltas.length === 0) return;
  // One row per posting: an upsert may not touch a row twice.
  const merged = new Map<string, { clusterId: string; term: string; delta: number; at: Date }>();
  for (const d of deltas) {
    const key = `${d.clusterId}\u0000${d.term}`;
    const m = merged.get(key) ?? { clusterId: d.clusterId, term: d.term, delta: 0, at: NEVER };
    m.delta += d.delta;
    if (d.delta > 0 && d.at && d.at > m.at) m.at = d.at;
    merged.set(key, m);
  }
  const sorted = [...merged.values()].sort(
    (a, b) => a.clusterId.localeCompare(b.clusterId) || a.term.localeCompare(b.term),
  );
  const clusterIds = [...new Set(sorted.map((d) => d.clusterId))];
  const db = em.getKysely<InsightTables>();
  await db
    .insertInto('cluster_term')
    .columns(['cluster_id', 'term', 'generation', 'agency_code', 'count', 'last_seen_at'])
    .expression(
      db
        .selectFrom(
          unnestRows({
            cluster_id: ['uuid', sorted.map((d) => d.clusterId)],
            term: ['text', sorted.map((d) => d.term)],
            delta: ['int', sorted.map((d) => d.delta)],
            at: ['timestamptz', sorted.map((d) => d.at)],
          }).as('d'),
        )
        .innerJoin('complaint_cluster as c', 'c.id', 'd.cluster_id')
        .select([
          'd.cluster_id',
          'd.term',
          'c.generation',
          'c.agency_code',
          'd.delta as count',
          'd.at as last_seen_at',
        ]),
    )
    .onConflict((oc) =>
      oc.columns(['cluster_id', 'term']).doUpdateSet((eb) => ({
        count: eb('cluster_term.count', '+', eb.ref('excluded.count')),
        last_seen_at: eb.fn<Date>('greatest', [
          'cluster_term.last_seen_at',
          'excluded.last_seen_at',
        ]),
      })),
    )
    .execute();
  await db
    .deleteFrom('cluster_term')
    .where(({ eb, fn, val }) => eb('cluster_id', '=', fn.any(val(clusterIds))))
    .where('count', '<=', 0)
    .execute();
  await db
    .updateTable('complaint_cluster as c')
    .set((eb) => ({
      term_counts: eb
        .selectFrom('cluster_term as t')
        .select(
          // No typed form for jsonb_object_agg.
          sql<Record<string, number>>`coalesce(jsonb_object_agg(t.term, t.count), '{}'::jsonb)`.as(
            'counts',
          ),
        )
        .whereRef('t.cluster_id', '=', 'c.id'),
    }))
    .where(({ eb, fn, val }) => eb('c.id', '=', fn.any(val(clusterIds))))
    .execute();
}
