import { derivePhrases, derivedExamples } from '../model/derived-phrases.js';
import { NAIVE_BAYES_WEIGHT, type TermCounts } from '../model/naive-bayes.js';
import { countRealText } from '../model/real-text-counts.js';
import { type SoftmaxOptions, SoftmaxRegression } from '../model/softmax-regression.js';
import type { TrainingExample } from '../model/types.js';
import {
  type FoldPrediction,
  type LabeledText,
  crossValidate,
  foldPrediction,
  fitTemperature,
  stratifiedFolds,
} from './cross-validation.js';
import { type LaporReport, dispatchPlaceWords, properNouns } from './lapor-corpus.js';

/** Trains as production does: lexicon-like background plus labeled examples, temperature by inner 3-fold CV. */
function trainAsDeployed(
  background: TrainingExample[],
  labeled: LabeledText[],
  naiveBayes: SoftmaxOptions['naiveBayes'],
): SoftmaxRegression {
  const temperature =
    labeled.length >= 30
      ? fitTemperature(crossValidate(labeled, background, { folds: 3, naiveBayes }))
      : 1;
  return SoftmaxRegression.train([...background, ...labeled], { temperature, naiveBayes });
}

function predictAll(model: SoftmaxRegression, items: LabeledText[]): FoldPrediction[] {
  return items.map((item) => foldPrediction(model, item));
}

/** Every real report scored by a router that never saw real reports: today's situation. */
export function realTextBaseline(
  lexicon: TrainingExample[],
  labeled: LabeledText[],
  real: LabeledText[],
): FoldPrediction[] {
  return predictAll(trainAsDeployed(lexicon, labeled, { weight: NAIVE_BAYES_WEIGHT }), real);
}

const namesIn = (reports: LaporReport[]) =>
  new Set([...dispatchPlaceWords(reports), ...properNouns(reports)]);
const grouped = (reports: LaporReport[]) =>
  reports.map((r) => ({ text: r.text, label: r.label, group: r.institution.toLowerCase() }));

/** The phrases derived from real reports, as `routing:derive` writes them for shipping. */
export function deriveFromReports(reports: LaporReport[]) {
  return derivePhrases(grouped(reports), { exclude: namesIn(reports) });
}

/** The term counts of real reports, as `routing:derive` writes them for shipping. */
export function countsFromReports(reports: LaporReport[]): TermCounts {
  return countRealText(grouped(reports), { exclude: namesIn(reports) });
}

/**
 * k-fold on the real reports: each fold is scored by a router whose derived
 * phrases come from the other folds only, trained otherwise exactly as shipped
 * (lexicon, labeled examples, derived phrases, and the term counts of the
 * other folds for the naive Bayes), so no report is scored by anything
 * learned from itself.
 */
export function realTextHeldOut(
  lexicon: TrainingExample[],
  labeled: LabeledText[],
  reports: LaporReport[],
  folds = 5,
): FoldPrediction[] {
  const parts = stratifiedFolds(reports, folds);
  return parts.flatMap((test, f) => {
    const train = parts.filter((_, i) => i !== f).flat();
    const background = [...lexicon, ...derivedExamples(deriveFromReports(train))];
    const naiveBayes = { weight: NAIVE_BAYES_WEIGHT, counts: countsFromReports(train) };
    return predictAll(trainAsDeployed(background, labeled, naiveBayes), test);
  });
}
