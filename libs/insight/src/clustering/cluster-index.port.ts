/**
 * What the placement needs from a store of clusters. The integrator backs it with
 * PostgreSQL: a table (agency, term, cluster_id, count) indexed on (agency, term)
 * serves `candidates` with one indexed query, a table (term, df) plus a document
 * count serves `TermStatistics`. Nothing here reads every cluster or every item.
 */
export interface ClusterSnapshot {
  id: string;
  agency: string;
  /** Items placed in the cluster. */
  size: number;
  /** term → number of member items whose text contains it (the cluster's centroid, unweighted). */
  termCounts: ReadonlyMap<string, number>;
}

export interface CandidateQuery {
  agency: string;
  /** The item's rarest terms: a cluster is a candidate when it contains at least one of them. */
  keys: readonly string[];
  /** Most clusters returned, those sharing the most keys first. */
  limit: number;
  /**
   * Most clusters read per key (the most recently active first): bounds the work
   * of one lookup whatever the size of the store.
   */
  perKeyLimit: number;
}

export interface ClusterIndex {
  candidates(query: CandidateQuery): Promise<ClusterSnapshot[]>;
  /** Start a cluster with one item's terms; returns its id. */
  create(agency: string, terms: readonly string[], at: number): Promise<string>;
  /** Add one item's terms to a cluster. */
  add(clusterId: string, terms: readonly string[], at: number): Promise<void>;
}

/** Document frequencies of the stored items, for IDF weights. */
export interface TermStatistics {
  documentCount(): Promise<number>;
  /** Number of stored items containing each term (0 for unseen terms). */
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** Count one more item with these (distinct) terms. */
  record(terms: readonly string[]): Promise<void>;
}
