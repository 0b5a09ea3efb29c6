import type { ClusterIndex, ClusterSnapshot, TermStatistics } from './cluster-index.port.js';

export interface PlacementOptions {
  /** Least cosine similarity between an item and a cluster's centroid for the item to join it. */
  threshold: number;
  /**
   * Least number of terms an item must share with a cluster to join it (default
   * 2): one shared word, however rare, is how unrelated complaints get merged.
   */
  minSharedTerms?: number;
  /** How many of the item's rarest terms are looked up (default 30). */
  keys?: number;
  /** Most candidate clusters compared in full (default 50). */
  candidates?: number;
  /** Most clusters read per looked-up term (default 50). */
  perKeyLimit?: number;
  /**
   * Count each placed item in the term statistics (default true). Off when the
   * statistics were filled beforehand from the same texts, as in evaluation.
   */
  updateStatistics?: boolean;
}

export interface Placement {
  clusterId: string;
  created: boolean;
  /** Similarity to the chosen cluster (0 when a new one was started). */
  similarity: number;
  /** Clusters compared in full: bounded by `candidates`, never the size of the store. */
  compared: number;
}

/** The threshold every fold of the dev set's cross-validation chose (eval:insight). */
export const DEFAULT_THRESHOLD = 0.125;

/**
 * Incremental placement of one item among the clusters of its agency: look up
 * candidate clusters by the item's rarest terms (an inverted index, no scan),
 * compare the item with each candidate's centroid by TF-IDF cosine, join the
 * most similar one above the threshold or start a new cluster.
 *
 * Items are binary bags of stemmed content words weighted by IDF; a centroid
 * weights each term by the share of members containing it times its IDF, so a
 * cluster's recurring words (a place, the object of the complaint) dominate and a
 * one-off word of one member fades as the cluster grows.
 */
export class ClusterPlacer {
  constructor(
    private readonly index: ClusterIndex,
    private readonly stats: TermStatistics,
    private readonly options: PlacementOptions,
  ) {}

  async place(agency: string, terms: readonly string[], at = Date.now()): Promise<Placement> {
    const best = await this.nearest(agency, terms);
    if (this.options.updateStatistics ?? true) await this.stats.record(terms);
    if (best && best.similarity >= this.options.threshold) {
      await this.index.add(best.cluster.id, terms, at);
      return {
        clusterId: best.cluster.id,
        created: false,
        similarity: best.similarity,
        compared: best.compared,
      };
    }
    const clusterId = await this.index.create(agency, terms, at);
    return { clusterId, created: true, similarity: 0, compared: best?.compared ?? 0 };
  }

  /** The most similar candidate cluster, whatever its similarity. */
  async nearest(
    agency: string,
    terms: readonly string[],
  ): Promise<{ cluster: ClusterSnapshot; similarity: number; compared: number } | undefined> {
    if (terms.length === 0) return undefined;
    const n = await this.stats.documentCount();
    const itemDf = await this.stats.documentFrequencies(terms);
    // A term no stored item has cannot find a cluster: keys are the rarest known terms.
    const minDf = (this.options.updateStatistics ?? true) ? 1 : 2;
    const keys = terms
      .filter((t) => (itemDf.get(t) ?? 0) >= minDf)
      .sort((a, b) => (itemDf.get(a) ?? 0) - (itemDf.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, this.options.keys ?? 30);
    const candidates = await this.index.candidates({
      agency,
      keys,
      limit: this.options.candidates ?? 50,
      perKeyLimit: this.options.perKeyLimit ?? 50,
    });
    if (candidates.length === 0) return undefined;
    // One statistics read for every term the comparison needs.
    const others = new Set<string>();
    for (const c of candidates)
      for (const t of c.termCounts.keys()) if (!itemDf.has(t)) others.add(t);
    const df = new Map([...itemDf, ...(await this.stats.documentFrequencies([...others]))]);
    // Smoothed IDF; the item itself counts as one more document.
    const idf = (t: string) => Math.log((n + 2) / ((df.get(t) ?? 0) + 1));
    let best: { cluster: ClusterSnapshot; similarity: number } | undefined;
    const itemTerms = new Set(terms);
    const minShared = this.options.minSharedTerms ?? 2;
    for (const cluster of candidates) {
      let shared = 0;
      for (const t of cluster.termCounts.keys()) if (itemTerms.has(t)) shared++;
      const similarity = shared >= minShared ? centroidCosine(terms, cluster, idf) : 0;
      if (!best || similarity > best.similarity) best = { cluster, similarity };
    }
    return best && { ...best, compared: candidates.length };
  }
}

/** Cosine between an item (binary, IDF-weighted) and a cluster's centroid (member share × IDF). */
export function centroidCosine(
  terms: readonly string[],
  cluster: ClusterSnapshot,
  idf: (term: string) => number,
): number {
  const itemTerms = new Set(terms);
  let dot = 0;
  let itemNorm = 0;
  let clusterNorm = 0;
  for (const t of itemTerms) itemNorm += idf(t) ** 2;
  for (const [t, count] of cluster.termCounts) {
    const w = (count / cluster.size) * idf(t);
    clusterNorm += w * w;
    if (itemTerms.has(t)) dot += w * idf(t);
  }
  return itemNorm && clusterNorm ? dot / Math.sqrt(itemNorm * clusterNorm) : 0;
}
