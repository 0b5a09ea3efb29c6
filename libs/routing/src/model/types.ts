export interface TrainingExample {
  text: string;
  label: string;
  /** How much this example counts; lexicon phrases count more than one sentence. */
  weight?: number;
}

export interface ClassScore {
  label: string;
  probability: number;
}

export interface Prediction {
  /** Best first; probabilities sum to 1. */
  scores: ClassScore[];
  /** Terms that most separated the best class from the runner-up, strongest first. */
  decisiveTerms: string[];
}
