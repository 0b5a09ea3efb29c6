import { createHash } from 'node:crypto';
import { crossValidate, fitTemperature } from '../evaluation/cross-validation.js';
import type { TrainingExample } from '../model/types.js';
import { derivedExamples, shippedDerivedLexicon } from '../model/derived-phrases.js';
import { type SoftmaxOptions, SoftmaxRegression } from '../model/softmax-regression.js';
import { NAIVE_BAYES_WEIGHT } from '../model/naive-bayes.js';
import { shippedRealCounts } from '../model/real-text-counts.js';

export interface LabeledExample {
  id: string;
  text: string;
  label: string;
}

/**
 * One example in five is held back from every model, chosen by a hash of its id,
 * so the same examples stay unseen across retrainings and two models can be
 * compared on them fairly.
 */
export function isHeldOut(id: string): boolean {
  return createHash('sha1').update(id).digest()[0] % 5 === 0;
}

export interface TrainedRouter {
  model: SoftmaxRegression;
  heldOutAccuracy: number;
  heldOutSize: number;
  trainingSize: number;
}

export function accuracyOn(model: SoftmaxRegression, examples: LabeledExample[]): number {
  if (examples.length === 0) return 1;
  return (
    examples.filter((e) => model.predict(e.text).scores[0].label === e.label).length /
    examples.length
  );
}

/** The naive Bayes beside the regression, counting the real reports' terms that ship with Suara. */
export function shippedNaiveBayes(): SoftmaxOptions['naiveBayes'] {
  return { weight: NAIVE_BAYES_WEIGHT, counts: shippedRealCounts() };
}

/**
 * Trains on the phrases, the words derived from real reports that ship with
 * Suara, and the examples not held back (a naive Bayes beside the regression
 * also counts the real reports' terms); fits the temperature that calibrates
 * the confidence by 3-fold cross-validation on the same training set, and
 * scores the result on the held-back examples.
 */
export function trainRouter(
  lexiconPhrases: TrainingExample[],
  examples: LabeledExample[],
  derived: TrainingExample[] = derivedExamples(shippedDerivedLexicon()),
  naiveBayes: SoftmaxOptions['naiveBayes'] = shippedNaiveBayes(),
): TrainedRouter {
  const phrases = [...lexiconPhrases, ...derived];
  const training = examples.filter((e) => !isHeldOut(e.id));
  const heldOut = examples.filter((e) => isHeldOut(e.id));
  const temperature =
    training.length >= 30
      ? fitTemperature(crossValidate(training, phrases, { folds: 3, naiveBayes }))
      : 1;
  const model = SoftmaxRegression.train([...phrases, ...training], { temperature, naiveBayes });
  return {
    model,
    heldOutAccuracy: accuracyOn(model, heldOut),
    heldOutSize: heldOut.length,
    trainingSize: training.length,
  };
}
