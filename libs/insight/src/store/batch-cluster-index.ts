import type {
  CandidateQuery,
  ClusterIndex,
  ClusterSnapshot,
} from '../clustering/cluster-index.port.js';
import type { CandidateHits } from './placement-store.js';

const queryKey = (q: CandidateQuery) =>
  [q.agency, q.limit, q.perKeyLimit, ...q.keys].join('\u0000');

/**
 * A dry run's index: records what each placement of the batch would look up
 * and finds nothing, so that all the lookups can be made in one query before
 * the real run.
 */
export class ProbeClusterIndex implements ClusterIndex {
  readonly queries: CandidateQuery[] = [];
  private next = 0;

  candidates(query: CandidateQuery): Promise<ClusterSnapshot[]> {
    this.queries.push(query);
    return Promise.resolve([]);
  }

  create(): Promise<string> {
    return Promise.resolve(`probe:${this.next++}`);
  }

  add(): Promise<void> {
    return Promise.resolve();
  }
}

interface BatchCluster {
  id: string;
  agency: string;
  size: number;
  termCounts: Map<string, number>;
}

/**
 * The ClusterIndex port for one batch, in memory, under the batch's agency
 * locks: the store's answers to the batch's lookups (made in one query
 * beforehand), with every cluster the batch started or changed kept up to date,
 * so item 2 of a batch can join the cluster item 1 just started. What changed
 * is written by the caller afterwards, set-based.
 */
export class BatchClusterIndex implements ClusterIndex {
  private readonly answers = new Map<string, CandidateHits>();
  private readonly clusters = new Map<string, BatchCluster>();
  /** agency → the clusters this batch started or changed there. */
  private readonly touched = new Map<string, Set<BatchCluster>>();
  /** Clusters started by the batch, in order. */
  readonly created: { id: string; agency: string; at: number }[] = [];

  constructor(
    queries: readonly CandidateQuery[],
    hits: readonly CandidateHits[],
    snapshots: ReadonlyMap<string, ClusterSnapshot>,
    private readonly newId: () => string,
    /** Asks the store a query the dry run did not foresee (none is expected). */
    private readonly lookup: (
      query: CandidateQuery,
    ) => Promise<{ hits: CandidateHits; clusters: ReadonlyMap<string, ClusterSnapshot> }>,
  ) {
    queries.forEach((q, i) => this.answers.set(queryKey(q), hits[i]));
    this.remember(snapshots);
  }

  private remember(snapshots: ReadonlyMap<string, ClusterSnapshot>): void {
    for (const s of snapshots.values())
      if (!this.clusters.has(s.id))
        this.clusters.set(s.id, {
          id: s.id,
          agency: s.agency,
          size: s.size,
          termCounts: new Map(s.termCounts),
        });
  }

  async candidates(query: CandidateQuery): Promise<ClusterSnapshot[]> {
    const key = queryKey(query);
    if (!this.answers.has(key)) {
      const answer = await this.lookup(query);
      this.remember(answer.clusters);
      this.answers.set(key, answer.hits);
    }
    const found = new Map<string, { cluster: BatchCluster; shared: number }>();
    for (const hit of this.answers.get(key)!) {
      const cluster = this.clusters.get(hit.clusterId);
      if (cluster && cluster.size > 0) found.set(cluster.id, { cluster, shared: hit.shared });
    }
    for (const cluster of this.touched.get(query.agency) ?? []) {
      if (cluster.size === 0) continue;
      const shared = query.keys.filter((k) => cluster.termCounts.has(k)).length;
      if (shared > 0) found.set(cluster.id, { cluster, shared });
    }
    return [...found.values()]
      .sort((a, b) => b.shared - a.shared || a.cluster.id.localeCompare(b.cluster.id))
      .slice(0, query.limit)
      .map(({ cluster }) => ({
        id: cluster.id,
        agency: cluster.agency,
        size: cluster.size,
        termCounts: cluster.termCounts,
      }));
  }

  create(agency: string, terms: readonly string[], at: number): Promise<string> {
    const id = this.newId();
    this.clusters.set(id, { id, agency, size: 0, termCounts: new Map() });
    this.created.push({ id, agency, at });
    this.join(id, terms);
    return Promise.resolve(id);
  }

  add(clusterId: string, terms: readonly string[]): Promise<void> {
    this.join(clusterId, terms);
    return Promise.resolve();
  }

  private touch(c: BatchCluster): void {
    const set = this.touched.get(c.agency) ?? new Set();
    set.add(c);
    this.touched.set(c.agency, set);
  }

  /** One item's terms into a cluster the batch knows (others cannot be a candidate any more). */
  join(clusterId: string, terms: readonly string[]): void {
    const c = this.clusters.get(clusterId);
    if (!c) return;
    c.size++;
    this.touch(c);
    for (const t of new Set(terms)) c.termCounts.set(t, (c.termCounts.get(t) ?? 0) + 1);
  }

  /** The reverse of `join`, for an item leaving its cluster. */
  leave(clusterId: string, terms: readonly string[]): void {
    const c = this.clusters.get(clusterId);
    if (!c) return;
    c.size--;
    this.touch(c);
    for (const t of new Set(terms)) {
      const n = (c.termCounts.get(t) ?? 0) - 1;
      if (n > 0) c.termCounts.set(t, n);
      else c.termCounts.delete(t);
    }
  }
}
