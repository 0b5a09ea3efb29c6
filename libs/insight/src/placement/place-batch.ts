import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { ClusterPlacer, DEFAULT_THRESHOLD } from '../clustering/cluster-placer.js';
import type { ClusterIndex, ClusterSnapshot } from '../clustering/cluster-index.port.js';
import { termForms } from '../clustering/signature.js';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import type { RecurrenceSettings } from '../store/cluster-summary.js';
import { BatchClusterIndex, ProbeClusterIndex } from '../store/batch-cluster-index.js';
import { BatchTermStatistics } from '../store/batch-term-statistics.js';
import {
  type ItemRow,
  type Membership,
  type NewCluster,
  type TermDelta,
  applyTermDeltas,
  deleteItems,
  generationStatus,
  insertClusters,
  lockAgencies,
  lockGeneration,
  lockItems,
  lookupCandidates,
  readMemberships,
  upsertItems,
} from '../store/placement-store.js';
import { refreshClusters } from './cluster-maintenance.js';
import { loadItemFacts } from './item-facts.js';
import type { AnalysisOutcome, ItemFacts, ItemReading } from './insight-analysis.service.js';

export interface BatchOptions {
  /** Leave items already placed in the generation alone (a rebuild's pass). */
  skipIfPlaced?: boolean;
}

export interface BatchContext {
  read: (item: ItemFacts, agencyCode: string) => ItemReading;
  rule: RecurrenceSettings;
  /** Receives the time of each candidate lookup query (for the benchmark). */
  lookupMs: (ms: number) => void;
  /** Receives the number of term statistics reads of each batch that placed something. */
  statisticsReads: (reads: number) => void;
}

/** What a batch did in one generation. */
export interface BatchResult {
  /** The generation's status under the batch's lock; nothing is placed unless ACTIVE or BUILDING. */
  status: GenerationStatus | undefined;
  /** An outcome per item found (an id missing here was not found). */
  outcomes: Map<string, AnalysisOutcome>;
}

/** What the decisions of a batch leave to write. */
interface Decisions {
  outcomes: Map<string, AnalysisOutcome>;
  rows: ItemRow[];
  removed: string[];
  deltas: TermDelta[];
  touched: Set<string>;
}

/**
 * Places a batch of distinct items into one generation, in one transaction that
 * holds, in this order: the generation's lock shared (a rebuild's switch-over
 * holds it exclusive), each item's lock (two revisions of one item placed at
 * once by two workers go one after the other), then the advisory lock of every
 * agency involved (two workers placing near-identical items make one cluster; a
 * reroute holds both agencies). Everything about the items is read under those
 * locks. Decisions are made in memory, item after item, so item 2 may join the
 * cluster item 1 started; the store is read and written with a fixed number of
 * set-based statements whatever the batch's size:
 *  1. the generation's status, the items' facts, memberships, locks, originals
 *     of duplicates, term statistics;
 *  2. a dry run of the decisions with an index that finds nothing, which tells
 *     what every placement will look up (its keys follow from the statistics,
 *     which the dry run moves exactly as the real run will), then all those
 *     lookups in one query and the statistics of the terms they found;
 *  3. the real run against those answers, kept up to date with the batch's own
 *     changes (BatchClusterIndex);
 *  4. the writes: new clusters, item rows, postings and centroids, counters from
 *     the members, gap links, term statistics.
 * Processing an item again replaces its one membership row: a reroute moves it,
 * a repeat changes nothing. An item counts in the term statistics exactly while
 * it has a membership row in the generation: counted when it enters, uncounted
 * when it leaves, whatever the path (placed, joined as a duplicate, removed).
 */
export async function placeBatch(
  tx: EntityManager,
  generation: number,
  ids: readonly string[],
  context: BatchContext,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const outcomes = new Map<string, AnalysisOutcome>();
  await lockGeneration(tx, generation, 'shared');
  const status = await generationStatus(tx, generation);
  // A batch that read the generation list before a switch-over leaves a retired generation alone.
  if (status !== GenerationStatus.ACTIVE && status !== GenerationStatus.BUILDING)
    return { status, outcomes };
  const unique = [...new Set(ids)];
  await lockItems(tx, unique);
  const facts = await loadItemFacts(tx, unique);
  const batch = unique.flatMap((id) => facts.get(id) ?? []);
  const before = await readMemberships(
    tx,
    generation,
    batch.map((i) => i.id),
  );
  // Placed before (only ever under the item's lock): a rebuild's pass leaves it.
  const items = options.skipIfPlaced ? batch.filter((i) => !before.has(i.id)) : batch;
  for (const i of batch) if (!items.includes(i)) outcomes.set(i.id, 'UNCHANGED');
  if (items.length === 0) return { status, outcomes };
  // An item's agency changes only under the item's lock, held: these are all the agencies involved.
  await lockAgencies(tx, generation, [
    ...items.map((i) => i.agencyCode),
    ...items.map((i) => before.get(i.id)?.agencyCode),
  ]);
  // Its cluster may have changed until now (a merge, under the agency's lock).
  const existing = await readMemberships(
    tx,
    generation,
    items.map((i) => i.id),
  );

  const originals = await readMemberships(tx, generation, [
    ...new Set(items.flatMap((i) => (i.duplicateOfId && i.agencyCode ? [i.duplicateOfId] : []))),
  ]);
  const readings = new Map(
    items.flatMap((i) => (i.agencyCode ? [[i.id, context.read(i, i.agencyCode)] as const] : [])),
  );
  const stats = new BatchTermStatistics(tx, generation);
  await stats.loadCount();
  // Both forms of each word: the placer weighs a word by the frequency of both.
  await stats.load([...readings.values()].flatMap((r) => r.terms.flatMap(termForms)));

  const decide = (
    index: ClusterIndex,
    join: (id: string, terms: string[]) => void,
    leave: (m: Membership) => void,
  ) => decideBatch(items, { existing, originals, readings, stats, index, join, leave });

  const probe = new ProbeClusterIndex();
  await decide(
    probe,
    () => undefined,
    () => undefined,
  );
  stats.discardRecorded();
  const started = performance.now();
  const found = await lookupCandidates(tx, generation, probe.queries);
  if (probe.queries.length) context.lookupMs(performance.now() - started);
  const termsOf = (clusters: Iterable<ClusterSnapshot>) =>
    [...clusters].flatMap((c) => [...c.termCounts.keys()].flatMap(termForms));
  await stats.load(termsOf(found.clusters.values()));

  const index = new BatchClusterIndex(
    probe.queries,
    found.hits,
    found.clusters,
    randomUUID,
    async (query) => {
      const answer = await lookupCandidates(tx, generation, [query]);
      await stats.load(termsOf(answer.clusters.values()));
      return { hits: answer.hits[0], clusters: answer.clusters };
    },
  );
  const decided = await decide(
    index,
    (id, terms) => index.join(id, terms),
    (m) => index.leave(m.clusterId, m.terms),
  );
  const city = new Map(items.map((i) => [i.agencyCode, i.cityCode]));
  const created: NewCluster[] = index.created.map((c) => ({
    id: c.id,
    agencyCode: c.agency,
    cityCode: city.get(c.agency)!,
    at: new Date(c.at),
  }));

  await insertClusters(tx, generation, created);
  await deleteItems(tx, generation, decided.removed);
  await upsertItems(tx, generation, decided.rows);
  await applyTermDeltas(tx, decided.deltas);
  await refreshClusters(tx, decided.touched, context.rule);
  await stats.flush();
  context.statisticsReads(stats.reads);
  for (const [id, outcome] of decided.outcomes) outcomes.set(id, outcome);
  return { status, outcomes };
}

interface DecisionInput {
  existing: ReadonlyMap<string, Membership>;
  originals: ReadonlyMap<string, Membership>;
  readings: ReadonlyMap<string, ItemReading>;
  stats: BatchTermStatistics;
  index: ClusterIndex;
  /** An item joins a cluster without the placer (a duplicate, its original's). */
  join: (clusterId: string, terms: string[]) => void;
  leave: (membership: Membership) => void;
}

/** The batch's decisions, item after item, each seeing those before it. */
async function decideBatch(items: readonly ItemFacts[], input: DecisionInput): Promise<Decisions> {
  const out: Decisions = {
    outcomes: new Map(),
    rows: [],
    removed: [],
    deltas: [],
    touched: new Set(),
  };
  /** Where the batch put each item so far (a duplicate's original may be placed just before it). */
  const placed = new Map<string, Membership>();
  const delta = (clusterId: string, terms: readonly string[], sign: 1 | -1, at?: Date) => {
    for (const term of new Set(terms)) out.deltas.push({ clusterId, term, delta: sign, at });
    out.touched.add(clusterId);
  };
  for (const item of items) {
    const current = input.existing.get(item.id);
    // Leaving its cluster, the item stops counting in the statistics.
    const leave = async () => {
      if (!current) return;
      input.leave(current);
      delta(current.clusterId, current.terms, -1);
      await input.stats.forget(current.terms);
    };
    const remove = async (outcome: AnalysisOutcome) => {
      if (current) {
        await leave();
        out.removed.push(item.id);
      }
      out.outcomes.set(item.id, outcome);
    };
    if (!item.agencyCode) {
      await remove(current ? 'REMOVED' : 'NOT_PLACEABLE');
      continue;
    }
    const reading = input.readings.get(item.id)!;
    const originalAt = item.duplicateOfId
      ? (placed.get(item.duplicateOfId) ?? input.originals.get(item.duplicateOfId))
      : undefined;
    const original = originalAt?.agencyCode === item.agencyCode ? originalAt.clusterId : undefined;
    if (reading.terms.length === 0 && !original) {
      // Nothing to compare ("!!! ???"): it would start an empty cluster without a label.
      await remove('NOT_PLACEABLE');
      continue;
    }
    let clusterId: string;
    let outcome: AnalysisOutcome = 'PLACED';
    if (
      current &&
      current.agencyCode === item.agencyCode &&
      (!original || original === current.clusterId)
    ) {
      // Same agency, same cluster: refresh the reading only (a lexicon change), counted once;
      // the statistics and the centroid follow the item's terms if they changed.
      clusterId = current.clusterId;
      await input.stats.forget(current.terms);
      await input.stats.record(reading.terms);
      const now = new Set(reading.terms);
      const was = new Set(current.terms);
      delta(
        clusterId,
        [...was].filter((t) => !now.has(t)),
        -1,
        item.submittedAt,
      );
      delta(
        clusterId,
        [...now].filter((t) => !was.has(t)),
        1,
        item.submittedAt,
      );
      outcome = 'UNCHANGED';
    } else {
      await leave();
      if (original) {
        clusterId = original;
        input.join(clusterId, reading.terms);
        await input.stats.record(reading.terms);
      } else {
        // Not counted here (it left, or never was): the placer counts it as it enters.
        const placer = new ClusterPlacer(input.index, input.stats, {
          threshold: DEFAULT_THRESHOLD,
          updateStatistics: true,
        });
        clusterId = (await placer.place(item.agencyCode, reading.terms, item.submittedAt.getTime()))
          .clusterId;
      }
      delta(clusterId, reading.terms, 1, item.submittedAt);
    }
    placed.set(item.id, { clusterId, agencyCode: item.agencyCode, terms: reading.terms });
    out.rows.push({
      feedbackId: item.id,
      clusterId,
      agencyCode: item.agencyCode,
      reporterKey: item.reporterKey,
      kind: item.kind,
      themes: reading.themes,
      triggers: reading.triggers,
      competencies: reading.competencies,
      terms: reading.terms,
      submittedAt: item.submittedAt,
    });
    out.outcomes.set(item.id, outcome);
  }
  return out;
}
