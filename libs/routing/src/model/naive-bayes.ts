import { terms } from '@suara/indonesian-text';
import type { TrainingExample } from './types.js';

/**
 * How often each term occurs per agency, every text counting 1/√n for each of
 * its n distinct terms (so a long letter weighs as much as a short note), and
 * each text's weight. Counts are words and numbers, never sentences: this is
 * what Suara ships of the real reports it learned from.
 */
export interface TermCounts {
  labels: string[];
  /** term → count per label (same order as labels) */
  counts: Record<string, number[]>;
}

/** Additive smoothing of the counts: half a sighting of every term everywhere. */
const ALPHA = 0.5;

/** Adds a text's distinct terms to the counts of its label. */
export function addCounts(into: TermCounts, termsOfText: string[], label: string, weight = 1) {
  let k = into.labels.indexOf(label);
  if (k < 0) {
    k = into.labels.push(label) - 1;
    for (const c of Object.values(into.counts)) c.push(0);
  }
  const distinct = [...new Set(termsOfText)];
  const value = distinct.length ? weight / Math.sqrt(distinct.length) : 0;
  for (const t of distinct) countsOf(into.counts, t, into.labels.length)[k] += value;
}

/**
 * A term's row, made on first use. Own keys only: a text may contain the word
 * "constructor", which every plain object already answers to.
 */
function countsOf(counts: Record<string, number[]>, term: string, labels: number): number[] {
  if (!Object.hasOwn(counts, term)) counts[term] = Array.from({ length: labels }, () => 0);
  return counts[term];
}

export function countTerms(examples: TrainingExample[]): TermCounts {
  const counts: TermCounts = { labels: [], counts: {} };
  for (const e of examples) addCounts(counts, terms(e.text), e.label, e.weight ?? 1);
  return counts;
}

/** Two count tables as one, over `labels` (a label one table lacks counts 0 there). */
export function mergeCounts(labels: string[], ...tables: TermCounts[]): TermCounts {
  const out: TermCounts = { labels, counts: {} };
  for (const table of tables) {
    const at = labels.map((l) => table.labels.indexOf(l));
    for (const [t, c] of Object.entries(table.counts)) {
      const into = countsOf(out.counts, t, labels.length);
      at.forEach((j, k) => {
        if (j >= 0) into[k] += c[j];
      });
    }
  }
  return out;
}

/**
 * Complement naive Bayes (Rennie et al., 2003): a term's weight for an agency
 * is how rarely it occurs in the *other* agencies' texts, which stays sensible
 * when agencies have very different numbers of examples. Each term's weights
 * are centred (mean 0 over the labels), so a text's score is a plain sum over
 * its known terms and unknown or common words move nothing. Unlike the
 * regression beside it, the sum is not divided by the text's length: a long
 * letter with many words about one service is more certain, not less.
 */
export function complementNaiveBayes(table: TermCounts): Record<string, number[]> {
  const K = table.labels.length;
  const totals = new Float64Array(K);
  const entries = Object.entries(table.counts);
  for (const [, c] of entries) for (let k = 0; k < K; k++) totals[k] += c[k];
  const all = totals.reduce((a, b) => a + b, 0);
  const V = entries.length;
  const weights: Record<string, number[]> = {};
  for (const [t, c] of entries) {
    const sum = c.reduce((a, b) => a + b, 0);
    const w = c.map((ck, k) => -Math.log((sum - ck + ALPHA) / (all - totals[k] + ALPHA * V)));
    const mean = w.reduce((a, b) => a + b, 0) / K;
    weights[t] = w.map((v) => Math.round((v - mean) * 1e4) / 1e4);
  }
  return weights;
}

/** How much the naive Bayes sum counts beside the regression (measured on dev CV and held-out LAPOR folds). */
export const NAIVE_BAYES_WEIGHT = 0.8;
