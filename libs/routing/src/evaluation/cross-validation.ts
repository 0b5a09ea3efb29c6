import type { TrainingExample } from '../model/types.js';
import { type SoftmaxOptions, SoftmaxRegression } from '../model/softmax-regression.js';
import { HINT_IGNORED_BELOW } from '../router/route-decision.js';

export interface LabeledText {
  text: string;
  label: string;
}

export interface FoldPrediction {
  text: string;
  label: string;
  predicted: string;
  confidence: number;
  /** Calibrated probability of the right agency: what a citizen's right choice would get. */
  labelProbability: number;
  /** Log-scores before calibration, for fitting the temperature. */
  logs: number[];
  labels: readonly string[];
}

/** A deterministic shuffle, so that a report can be reproduced. */
function seededShuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Stratified folds: every agency is spread evenly across them. */
export function stratifiedFolds<T extends { label: string }>(
  items: T[],
  k: number,
  seed = 42,
): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const byLabel = new Map<string, T[]>();
  for (const item of seededShuffle(items, seed))
    byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item]);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const item of byLabel.get(label)!) folds[next++ % k].push(item);
  }
  return folds;
}

/**
 * k-fold cross-validation: each item is predicted by a model trained on the
 * lexicon and the other folds only, never on itself. With `calibrate`, each
 * fold's temperature is fitted by an inner cross-validation on that fold's
 * training part, exactly as a deployed model is, so the reported confidence
 * and triage rate are those of unseen text.
 */
export function crossValidate(
  items: LabeledText[],
  background: TrainingExample[],
  options: {
    folds?: number;
    temperature?: number;
    seed?: number;
    calibrate?: boolean;
    naiveBayes?: SoftmaxOptions['naiveBayes'];
  } = {},
): FoldPrediction[] {
  const { naiveBayes } = options;
  const folds = stratifiedFolds(items, options.folds ?? 5, options.seed);
  const predictions: FoldPrediction[] = [];
  for (let f = 0; f < folds.length; f++) {
    const labeled = folds.filter((_, i) => i !== f).flat();
    const temperature = options.calibrate
      ? fitTemperature(
          crossValidate(labeled, background, { folds: 3, seed: options.seed, naiveBayes }),
        )
      : options.temperature;
    const model = SoftmaxRegression.train([...background, ...labeled], {
      temperature,
      naiveBayes,
    });
    for (const item of folds[f]) predictions.push(foldPrediction(model, item));
  }
  return predictions;
}

/** What a model says of one labeled text, as the reports read it. */
export function foldPrediction(model: SoftmaxRegression, item: LabeledText): FoldPrediction {
  const { scores } = model.predict(item.text);
  return {
    text: item.text,
    label: item.label,
    predicted: scores[0].label,
    confidence: scores[0].probability,
    labelProbability: scores.find((s) => s.label === item.label)?.probability ?? 0,
    logs: model.logScores(item.text).logs,
    labels: model.labels,
  };
}

/** The temperature that makes the predicted probabilities fit the outcomes best (least log-loss). */
export function fitTemperature(predictions: FoldPrediction[]): number {
  let best = { t: 1, loss: Infinity };
  for (let t = 0.02; t <= 200; t *= 1.1) {
    let loss = 0;
    for (const p of predictions) {
      const max = Math.max(...p.logs);
      const exps = p.logs.map((l) => Math.exp((l - max) / t));
      const sum = exps.reduce((a, b) => a + b, 0);
      const truth = p.labels.indexOf(p.label);
      loss -= Math.log(Math.max((truth >= 0 ? exps[truth] : 0) / sum, 1e-12));
    }
    if (loss < best.loss) best = { t, loss };
  }
  return best.t;
}

export interface RoutingReport {
  items: number;
  threshold: number;
  accuracyAll: number;
  autoRouted: number;
  accuracyAutoRouted: number;
  triageRate: number;
  perAgency: { label: string; precision: number; recall: number; support: number }[];
  confusion: { labels: string[]; matrix: number[][] };
  sweep: { threshold: number; accuracyAutoRouted: number; triageRate: number }[];
  /**
   * Share of items whose citizen, had they picked the right agency, would have
   * been overruled (decideRoute's HINT_OVERRIDDEN: another agency at least
   * `hintOverrideConfidence`, the right one under 5 %).
   */
  rightChoiceOverruled: number;
}

export function report(
  predictions: FoldPrediction[],
  threshold: number,
  hintOverrideConfidence = 0.95,
): RoutingReport {
  const labels = [...new Set(predictions.map((p) => p.label))].sort();
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of predictions) {
    const row = labels.indexOf(p.label);
    const col = labels.indexOf(p.predicted);
    if (row >= 0 && col >= 0) matrix[row][col]++;
  }
  const at = (t: number) => {
    const auto = predictions.filter((p) => p.confidence >= t);
    return {
      threshold: t,
      autoRouted: auto.length,
      accuracyAutoRouted: auto.length
        ? auto.filter((p) => p.predicted === p.label).length / auto.length
        : 1,
      triageRate: 1 - auto.length / predictions.length,
    };
  };
  const chosen = at(threshold);
  return {
    items: predictions.length,
    threshold,
    accuracyAll: predictions.filter((p) => p.predicted === p.label).length / predictions.length,
    autoRouted: chosen.autoRouted,
    accuracyAutoRouted: chosen.accuracyAutoRouted,
    triageRate: chosen.triageRate,
    perAgency: labels.map((label, i) => {
      const tp = matrix[i][i];
      const predicted = matrix.reduce((s, row) => s + row[i], 0);
      const actual = matrix[i].reduce((s, v) => s + v, 0);
      return {
        label,
        precision: predicted ? tp / predicted : 0,
        recall: actual ? tp / actual : 0,
        support: actual,
      };
    }),
    confusion: { labels, matrix },
    rightChoiceOverruled:
      predictions.filter(
        (p) =>
          p.predicted !== p.label &&
          p.confidence >= hintOverrideConfidence &&
          p.labelProbability < HINT_IGNORED_BELOW,
      ).length / predictions.length,
    sweep: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((t) => {
      const r = at(t);
      return { threshold: t, accuracyAutoRouted: r.accuracyAutoRouted, triageRate: r.triageRate };
    }),
  };
}
