import type { ClusterIndex, ClusterSnapshot, TermStatistics } from './cluster-index.port.js';
import { isPlaceTerm, termForms, termKey } from './signature.js';

export interface PlacementOptions {
  /** Least cosine similarity between an item and a cluster's centroid for the item to join it. */
  threshold: number;
  /**
   * How much more a word from a place's name counts than another word (default
   * `DEFAULT_PLACE_WEIGHT`): complaints about one problem recur at one place.
   */
  placeWeight?: number;
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

/** The threshold most folds of the dev set's cross-validation chose (eval:insight). */
export const DEFAULT_THRESHOLD = 0.1375;
/** The place weight most folds of the dev set's cross-validation chose (eval:insight). */
export const DEFAULT_PLACE_WEIGHT = 2;

/**
 * Incremental placement of one item among the clusters of its agency: look up
 * candidate clusters by the item's rarest terms (an inverted index, no scan),
 * compare the item with each candidate's centroid by TF-IDF cosine, join the
 * most similar one above the threshold or start a new cluster.
 *
 * Items are binary bags of stemmed content words weighted by IDF; a centroid
 * weights each term by the share of members containing it times its IDF, so a
 * cluster's recurring words (a place, the object of the complaint) dominate and a
 * one-off word of one member fades as the cluster grows. Words of a place's name
 * weigh more (`placeWeight`): cross-validated on the dev set, weighing them less
 * split recurring clusters apart, weighing them 1.25 to 1.75 times more joined
 * more of each cluster without more false joins.
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
    // A word counts the same whether it was stored as a place's name or not: its
    // document frequency is that of both forms (an item holds only one of them).
    const formsOf = (ts: Iterable<string>) => [...ts].flatMap((t) => termForms(t));
    const rawDf = await this.stats.documentFrequencies(formsOf(terms));
    const dfOf = (key: string) => termForms(key).reduce((s, f) => s + (rawDf.get(f) ?? 0), 0);
    // A term no stored item has cannot find a cluster: keys are the rarest known terms.
    const minDf = (this.options.updateStatistics ?? true) ? 1 : 2;
    const keys = [...new Set(terms.map(termKey))]
      .filter((k) => dfOf(k) >= minDf)
      .sort((a, b) => dfOf(a) - dfOf(b) || a.localeCompare(b))
      .slice(0, this.options.keys ?? 30);
    const candidates = await this.index.candidates({
      agency,
      keys: formsOf(keys),
      limit: this.options.candidates ?? 50,
      perKeyLimit: this.options.perKeyLimit ?? 50,
    });
    if (candidates.length === 0) return undefined;
    // One statistics read for every term the comparison needs.
    const others = new Set<string>();
    for (const c of candidates)
      for (const t of c.termCounts.keys())
        for (const f of termForms(t)) if (!rawDf.has(f)) others.add(f);
    for (const [t, df] of await this.stats.documentFrequencies([...others])) rawDf.set(t, df);
    // Smoothed IDF; the item itself counts as one more document. Kept per key:
    // every candidate asks again for the words it shares with the others.
    const idfs = new Map<string, number>();
    const idf = (key: string) => {
      let value = idfs.get(key);
      if (value === undefined) idfs.set(key, (value = Math.log((n + 2) / (dfOf(key) + 1))));
      return value;
    };
    let best: { cluster: ClusterSnapshot; similarity: number } | undefined;
    const itemKeys = new Set(terms.map(termKey));
    const minShared = this.options.minSharedTerms ?? 2;
    const placeWeight = this.options.placeWeight ?? DEFAULT_PLACE_WEIGHT;
    for (const cluster of candidates) {
      const sharedKeys = new Set<string>();
      for (const t of cluster.termCounts.keys()) {
        const key = termKey(t);
        if (itemKeys.has(key)) sharedKeys.add(key);
      }
      const shared = sharedKeys.size;
      const similarity = shared >= minShared ? centroidCosine(terms, cluster, idf, placeWeight) : 0;
      if (!best || similarity > best.similarity) best = { cluster, similarity };
    }
    return best && { ...best, compared: candidates.length };
  }
}

/**
 * Cosine between an item (binary, IDF-weighted) and a cluster's centroid (member
 * share × IDF), over words whatever their place mark; a word that is a place's
 * name in the item or in any member weighs `placeWeight` times more on both sides.
 * `idf` takes a term's key (`termKey`).
 */
export function centroidCosine(
  terms: readonly string[],
  cluster: ClusterSnapshot,
  idf: (key: string) => number,
  placeWeight = 1,
): number {
  const itemKeys = new Set(terms.map(termKey));
  const places = new Set(terms.filter(isPlaceTerm).map(termKey));
  const shares = new Map<string, number>();
  for (const [t, count] of cluster.termCounts) {
    const key = termKey(t);
    if (isPlaceTerm(t)) places.add(key);
    shares.set(key, Math.min(1, (shares.get(key) ?? 0) + count / cluster.size));
  }
  const weight = (key: string) => idf(key) * (places.has(key) ? placeWeight : 1);
  let dot = 0;
  let itemNorm = 0;
  let clusterNorm = 0;
  for (const key of itemKeys) itemNorm += weight(key) ** 2;
  for (const [key, share] of shares) {
    const w = share * weight(key);
    clusterNorm += w * w;
    if (itemKeys.has(key)) dot += w * weight(key);
  }
  return itemNorm && clusterNorm ? dot / Math.sqrt(itemNorm * clusterNorm) : 0;
}
