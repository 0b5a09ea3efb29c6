import type { ClusterSnapshot } from './cluster-index.port.js';

/**
 * A cluster's characteristic words, for people: the terms most of its members
 * share, rarest first (a place name or the object of the complaint rather than
 * "petugas"). IDF comes from the same statistics as placement.
 */
export function clusterLabel(
  cluster: Pick<ClusterSnapshot, 'size' | 'termCounts'>,
  idf: (term: string) => number,
  words = 4,
): string[] {
  const minShare = cluster.size > 1 ? 0.5 : 0;
  return [...cluster.termCounts.entries()]
    .filter(([, count]) => count / cluster.size >= minShare)
    .map(([term, count]) => ({ term, score: (count / cluster.size) * idf(term) }))
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
    .slice(0, words)
    .map((x) => x.term);
}
