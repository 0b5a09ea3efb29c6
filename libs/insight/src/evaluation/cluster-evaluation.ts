import { ClusterPlacer, type PlacementOptions } from '../clustering/cluster-placer.js';
import {
  InMemoryClusterIndex,
  InMemoryTermStatistics,
} from '../clustering/in-memory-cluster-index.js';
import { clusterTerms } from '../clustering/signature.js';
import { addCounts, EMPTY_COUNTS, pairCounts, type PairCounts, prf, type PRF } from './metrics.js';

export interface ClusterItem {
  id: string;
  /** Agency of one city: clusters never span agencies. */
  agency: string;
  text: string;
  /** Gold cluster key, `null` for a singleton. */
  cluster: string | null;
}

export interface FoldResult {
  fold: number;
  threshold: number;
  trainF1: number;
  counts: PairCounts;
}

export interface ClusterEvaluation {
  heldOut: PRF;
  folds: FoldResult[];
  /** Each item's predicted cluster in the run where it was held out. */
  predicted: string[];
  baselines: { onePerAgency: PRF; singletons: PRF };
}

export const THRESHOLD_GRID = Array.from({ length: 31 }, (_, i) => +(0.05 + i * 0.025).toFixed(3));

/**
 * Places items one by one, in the given order, as the worker would; term
 * statistics come from all the texts beforehand (unlabeled: a production store
 * knows its vocabulary). Returns each item's cluster id.
 */
export async function clusterStream(
  items: readonly { agency: string; terms: readonly string[] }[],
  stats: InMemoryTermStatistics,
  options: PlacementOptions,
): Promise<string[]> {
  const placer = new ClusterPlacer(new InMemoryClusterIndex(), stats, {
    ...options,
    updateStatistics: false,
  });
  const out: string[] = [];
  for (let i = 0; i < items.length; i++)
    out.push((await placer.place(items[i].agency, items[i].terms, i)).clusterId);
  return out;
}

/** Folds by gold cluster, so that no cluster is split between fitting and testing. */
export function groupedFolds(items: readonly ClusterItem[], k: number): number[] {
  const groups = [...new Set(items.map((it) => it.cluster ?? `single:${it.id}`))];
  // Deterministic shuffle: order groups by a hash of their key, then deal them out.
  const hash = (s: string) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  // Clusters first so they spread evenly over folds, singletons after.
  groups.sort(
    (a, b) =>
      Number(a.startsWith('single:')) - Number(b.startsWith('single:')) || hash(a) - hash(b),
  );
  const foldOf = new Map(groups.map((g, i) => [g, i % k]));
  return items.map((it) => foldOf.get(it.cluster ?? `single:${it.id}`)!);
}

/**
 * k-fold cross-validation of the placement threshold, folds split by gold
 * cluster. For each fold the threshold is the one that maximises pairwise F1 on
 * the other folds' items alone; then all items are placed with it (test items
 * meet every distractor of their agency) and the pairs are scored: pairs of two
 * test items in full, pairs of a test and a training item (always "different"
 * in gold, so only false merges) at half weight, since they are scored again in
 * the other item's fold. Every pair of the data set thus counts once.
 */
export async function crossValidateClustering(
  items: readonly ClusterItem[],
  k = 5,
  base: Omit<PlacementOptions, 'threshold'> = {},
): Promise<ClusterEvaluation> {
  const prepared = items.map((it) => ({ agency: it.agency, terms: clusterTerms(it.text) }));
  const stats = new InMemoryTermStatistics();
  for (const p of prepared) await stats.record(p.terms);
  const gold = items.map((it) => it.cluster);
  const fold = groupedFolds(items, k);

  const folds: FoldResult[] = [];
  const predicted: string[] = new Array<string>(items.length);
  let total = EMPTY_COUNTS;
  for (let f = 0; f < k; f++) {
    const train = items.map((_, i) => i).filter((i) => fold[i] !== f);
    let best = { threshold: THRESHOLD_GRID[0], f1: -1 };
    for (const threshold of THRESHOLD_GRID) {
      const pred = await clusterStream(
        train.map((i) => prepared[i]),
        stats,
        { ...base, threshold },
      );
      const c = pairCounts(
        train.map((i) => gold[i]),
        pred,
      );
      const { f1 } = prf(c.truePositives, c.predicted, c.actual);
      if (f1 > best.f1) best = { threshold, f1 };
    }
    const all = await clusterStream(prepared, stats, { ...base, threshold: best.threshold });
    const counts = pairCounts(gold, all, (i, j) => {
      const a = fold[i] === f;
      const b = fold[j] === f;
      return a && b ? 1 : a || b ? 0.5 : 0;
    });
    items.forEach((_, i) => {
      if (fold[i] === f) predicted[i] = `f${f}:${all[i]}`;
    });
    total = addCounts(total, counts);
    folds.push({ fold: f, threshold: best.threshold, trainF1: best.f1, counts });
  }
  const score = (pred: string[]) => {
    const c = pairCounts(gold, pred);
    return prf(c.truePositives, c.predicted, c.actual);
  };
  return {
    heldOut: prf(total.truePositives, total.predicted, total.actual),
    folds,
    predicted,
    baselines: {
      onePerAgency: score(items.map((it) => it.agency)),
      singletons: score(items.map((it) => it.id)),
    },
  };
}
