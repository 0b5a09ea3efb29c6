import type {
  CandidateQuery,
  ClusterIndex,
  ClusterSnapshot,
  TermStatistics,
} from './cluster-index.port.js';

interface StoredCluster {
  id: string;
  agency: string;
  size: number;
  termCounts: Map<string, number>;
  lastSeen: number;
}

/**
 * The in-memory store behind evaluation and unit tests, shaped like the
 * PostgreSQL one: postings (agency, term) → cluster ids, most recently active
 * last. `postingsRead` counts the postings a lookup touched, so tests can show
 * that a lookup never walks the whole store.
 */
export class InMemoryClusterIndex implements ClusterIndex {
  private readonly clusters = new Map<string, StoredCluster>();
  private readonly postings = new Map<string, Set<string>>();
  private nextId = 1;
  postingsRead = 0;

  constructor(private readonly idPrefix = 'c') {}

  candidates(query: CandidateQuery): Promise<ClusterSnapshot[]> {
    const hits = new Map<string, number>();
    for (const key of query.keys) {
      const list = this.postings.get(`${query.agency}\u0000${key}`);
      if (!list) continue;
      // A Set iterates in insertion order; re-inserting on activity keeps the newest last.
      const ids = [...list].slice(-query.perKeyLimit);
      this.postingsRead += ids.length;
      for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const ranked = [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, query.limit)
      .map(([id]) => this.snapshot(this.clusters.get(id)!));
    return Promise.resolve(ranked);
  }

  create(agency: string, terms: readonly string[], at: number): Promise<string> {
    const id = `${this.idPrefix}${this.nextId++}`;
    this.clusters.set(id, { id, agency, size: 0, termCounts: new Map(), lastSeen: at });
    this.addSync(id, terms, at);
    return Promise.resolve(id);
  }

  add(clusterId: string, terms: readonly string[], at: number): Promise<void> {
    this.addSync(clusterId, terms, at);
    return Promise.resolve();
  }

  get size(): number {
    return this.clusters.size;
  }

  all(): ClusterSnapshot[] {
    return [...this.clusters.values()].map((c) => this.snapshot(c));
  }

  private addSync(clusterId: string, terms: readonly string[], at: number): void {
    const cluster = this.clusters.get(clusterId);
    if (!cluster) throw new Error(`unknown cluster ${clusterId}`);
    cluster.size++;
    cluster.lastSeen = Math.max(cluster.lastSeen, at);
    for (const term of new Set(terms)) {
      cluster.termCounts.set(term, (cluster.termCounts.get(term) ?? 0) + 1);
      const key = `${cluster.agency}\u0000${term}`;
      const list = this.postings.get(key) ?? new Set<string>();
      list.delete(clusterId);
      list.add(clusterId);
      this.postings.set(key, list);
    }
  }

  private snapshot(c: StoredCluster): ClusterSnapshot {
    return { id: c.id, agency: c.agency, size: c.size, termCounts: new Map(c.termCounts) };
  }
}

export class InMemoryTermStatistics implements TermStatistics {
  private readonly df = new Map<string, number>();
  private count = 0;

  documentCount(): Promise<number> {
    return Promise.resolve(this.count);
  }

  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    return Promise.resolve(new Map(terms.map((t) => [t, this.df.get(t) ?? 0])));
  }

  record(terms: readonly string[]): Promise<void> {
    this.count++;
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    return Promise.resolve();
  }
}
