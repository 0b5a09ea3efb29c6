export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(truePositives: number, predicted: number, actual: number): PRF {
  const precision = predicted ? truePositives / predicted : actual ? 0 : 1;
  const recall = actual ? truePositives / actual : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface PairCounts {
  truePositives: number;
  predicted: number;
  actual: number;
}

export const addCounts = (a: PairCounts, b: PairCounts): PairCounts => ({
  truePositives: a.truePositives + b.truePositives,
  predicted: a.predicted + b.predicted,
  actual: a.actual + b.actual,
});

export const EMPTY_COUNTS: PairCounts = { truePositives: 0, predicted: 0, actual: 0 };

/**
 * Pairwise clustering counts: a pair is positive when both items share a cluster.
 * Gold `null` means a singleton. `weight(i, j)` lets cross-validation count a pair
 * in part (or not at all) in one fold.
 */
export function pairCounts(
  gold: readonly (string | null)[],
  predicted: readonly string[],
  weight: (i: number, j: number) => number = () => 1,
): PairCounts {
  let truePositives = 0;
  let predictedPairs = 0;
  let actual = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const w = weight(i, j);
      if (w === 0) continue;
      const g = gold[i] !== null && gold[i] === gold[j];
      const p = predicted[i] === predicted[j];
      if (g) actual += w;
      if (p) predictedPairs += w;
      if (g && p) truePositives += w;
    }
  }
  return { truePositives, predicted: predictedPairs, actual };
}
