import type { ClusterSnapshot } from './cluster-index.port.js';
import { termKey, termWord } from './signature.js';

/**
 * A cluster's characteristic words, for people: the terms most of its members
 * share, rarest first (a place name or the object of the complaint rather than
 * "petugas"), written without the marks `clusterTerms` puts on place names and
 * praise. IDF comes from the same statistics as placement.
 */
export function clusterLabel(
  cluster: Pick<ClusterSnapshot, 'size' | 'termCounts'>,
  idf: (term: string) => number,
  words = 4,
): string[] {
  const minShare = cluster.size > 1 ? 0.5 : 0;
  // A word stored both as a place's name and as a plain word is one word.
  const byKey = new Map<string, { count: number; idf: number }>();
  for (const [term, count] of cluster.termCounts) {
    const key = termKey(term);
    const seen = byKey.get(key);
    byKey.set(key, {
      count: Math.min(cluster.size, (seen?.count ?? 0) + count),
      idf: Math.min(seen?.idf ?? Infinity, idf(term)),
    });
  }
  return [...byKey.entries()]
    .filter(([, x]) => x.count / cluster.size >= minShare)
    .map(([key, x]) => ({ word: termWord(key), score: (x.count / cluster.size) * x.idf }))
    .sort((a, b) => b.score - a.score || a.word.localeCompare(b.word))
    .slice(0, words)
    .map((x) => x.word);
}
