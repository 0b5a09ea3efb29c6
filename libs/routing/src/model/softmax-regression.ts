import { terms } from '@suara/indonesian-text';
import { type TermCounts, complementNaiveBayes, countTerms, mergeCounts } from './naive-bayes.js';
import type { Prediction, TrainingExample } from './types.js';

export interface SoftmaxState {
  kind: 'softmax-regression';
  labels: string[];
  /** term → weight per label (same order as labels) */
  weights: Record<string, number[]>;
  bias: number[];
  temperature: number;
  /** Complement naive Bayes beside the regression: term → centred weight per label, added times `weight`. */
  naiveBayes?: { weight: number; weights: Record<string, number[]> };
}

export interface SoftmaxOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  temperature?: number;
  /**
   * Also count the examples' terms into a complement naive Bayes, with counts
   * learned elsewhere (real reports) added, and add its scores times `weight`.
   */
  naiveBayes?: { weight: number; counts?: TermCounts };
}

type Sparse = { index: number[]; value: number };

/** Pseudo-count of known terms a text needs before its evidence counts in full. */
const EVIDENCE_PRIOR = 2;

/**
 * Multinomial logistic regression over stemmed unigrams and bigrams, each present
 * term weighted 1/√n so long and short complaints count alike. Unlike naive Bayes
 * it learns which words separate agencies (`ktp`) and which merely occur
 * everywhere (`bulan`, `datang`), and its probabilities are close to calibrated;
 * a temperature fitted by cross-validation finishes the job. Trained with Adam on
 * the full batch: a few thousand examples train in well under a second.
 */
export class SoftmaxRegression {
  private constructor(private readonly state: SoftmaxState) {}

  static train(examples: TrainingExample[], options: SoftmaxOptions = {}): SoftmaxRegression {
    const epochs = options.epochs ?? 150;
    const lr = options.learningRate ?? 0.1;
    const l2 = options.l2 ?? 1e-4;
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const vocabulary = new Map<string, number>();
    const rows: { x: Sparse; y: number; w: number }[] = examples.map((e) => {
      const index = [...new Set(terms(e.text))].map((t) => {
        let i = vocabulary.get(t);
        if (i === undefined) vocabulary.set(t, (i = vocabulary.size));
        return i;
      });
      return {
        x: { index, value: index.length ? 1 / Math.sqrt(index.length) : 0 },
        y: labelIndex.get(e.label)!,
        w: e.weight ?? 1,
      };
    });
    const K = labels.length;
    const V = vocabulary.size;
    const W = new Float64Array(V * K);
    const b = new Float64Array(K);
    const mW = new Float64Array(V * K),
      vW = new Float64Array(V * K);
    const mB = new Float64Array(K),
      vB = new Float64Array(K);
    const gW = new Float64Array(V * K);
    const gB = new Float64Array(K);
    const totalWeight = rows.reduce((s, r) => s + r.w, 0);
    const z = new Float64Array(K);
    const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];

    for (let epoch = 1; epoch <= epochs; epoch++) {
      gW.fill(0);
      gB.fill(0);
      for (const { x, y, w } of rows) {
        for (let k = 0; k < K; k++) {
          let s = b[k];
          for (const i of x.index) s += W[i * K + k] * x.value;
          z[k] = s;
        }
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, z[k]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k] - max);
        for (let k = 0; k < K; k++) {
          const g = (z[k] / sum - (k === y ? 1 : 0)) * (w / totalWeight);
          gB[k] += g;
          for (const i of x.index) gW[i * K + k] += g * x.value;
        }
      }
      const c1 = 1 - beta1 ** epoch,
        c2 = 1 - beta2 ** epoch;
      for (let j = 0; j < W.length; j++) {
        const g = gW[j] + l2 * W[j];
        mW[j] = beta1 * mW[j] + (1 - beta1) * g;
        vW[j] = beta2 * vW[j] + (1 - beta2) * g * g;
        W[j] -= (lr * (mW[j] / c1)) / (Math.sqrt(vW[j] / c2) + eps);
      }
      for (let k = 0; k < K; k++) {
        const g = gB[k];
        mB[k] = beta1 * mB[k] + (1 - beta1) * g;
        vB[k] = beta2 * vB[k] + (1 - beta2) * g * g;
        b[k] -= (lr * (mB[k] / c1)) / (Math.sqrt(vB[k] / c2) + eps);
      }
    }
    const weights: Record<string, number[]> = {};
    for (const [term, i] of vocabulary)
      weights[term] = Array.from(W.subarray(i * K, i * K + K), (v) => Math.round(v * 1e5) / 1e5);
    const nb = options.naiveBayes;
    return new SoftmaxRegression({
      kind: 'softmax-regression',
      labels,
      weights,
      bias: Array.from(b),
      temperature: options.temperature ?? 1,
      ...(nb && {
        naiveBayes: {
          weight: nb.weight,
          weights: complementNaiveBayes(
            mergeCounts(labels, countTerms(examples), ...(nb.counts ? [nb.counts] : [])),
          ),
        },
      }),
    });
  }

  static fromState(state: SoftmaxState): SoftmaxRegression {
    return new SoftmaxRegression(state);
  }

  toState(): SoftmaxState {
    return this.state;
  }

  get labels(): readonly string[] {
    return this.state.labels;
  }

  withTemperature(temperature: number): SoftmaxRegression {
    return new SoftmaxRegression({ ...this.state, temperature });
  }

  /**
   * Log-scores per label before calibration: the regression's plus, when the
   * model has one, the naive Bayes sum. The evidence of a text with few known
   * terms is discounted (n / (n + 2), for each model by the terms it knows):
   * one word such as `kantor` or `segera` must not make the router as sure as a
   * whole complaint about the same office.
   * `contribution` says how much a term adds to a label's log-score.
   */
  logScores(text: string): {
    logs: number[];
    known: string[];
    contribution: (term: string, k: number) => number;
  } {
    const { labels, weights, bias, naiveBayes } = this.state;
    const all = [...new Set(terms(text))];
    const nb = naiveBayes?.weights ?? {};
    // Own keys only: "constructor" in a text is a word, not every object's constructor.
    const nbOf = (t: string) => (Object.hasOwn(nb, t) ? nb[t] : undefined);
    const weightsOf = (t: string) => (Object.hasOwn(weights, t) ? weights[t] : undefined);
    const nbKnown = all.filter((t) => nbOf(t)).length;
    const nbWeight = ((naiveBayes?.weight ?? 0) * nbKnown) / (nbKnown + EVIDENCE_PRIOR);
    const fitted = all.filter((t) => weightsOf(t)).length;
    const value = fitted ? (1 / Math.sqrt(all.length)) * (fitted / (fitted + EVIDENCE_PRIOR)) : 0;
    const known = all.filter((t) => weightsOf(t) || nbOf(t));
    const contribution = (t: string, k: number) =>
      (weightsOf(t)?.[k] ?? 0) * value + (nbOf(t)?.[k] ?? 0) * nbWeight;
    const logs = labels.map((_, k) => known.reduce((s, t) => s + contribution(t, k), bias[k]));
    return { logs, known, contribution };
  }

  predict(text: string): Prediction {
    const { labels, temperature } = this.state;
    const { logs, known, contribution } = this.logScores(text);
    const max = Math.max(...logs);
    const exps = logs.map((l) => Math.exp((l - max) / temperature));
    const sum = exps.reduce((a, b) => a + b, 0);
    const scores = labels
      .map((label, i) => ({ label, probability: exps[i] / sum }))
      .sort((a, b) => b.probability - a.probability);
    const best = labels.indexOf(scores[0].label);
    const second = labels.indexOf(scores[1]?.label ?? scores[0].label);
    const decisiveTerms = known
      .map((term) => ({ term, lift: contribution(term, best) - contribution(term, second) }))
      .filter((t) => t.lift > 0)
      .sort((a, b) => b.lift - a.lift)
      .slice(0, 5)
      .map((t) => t.term.replace('_', ' '));
    return { scores, decisiveTerms };
  }
}
