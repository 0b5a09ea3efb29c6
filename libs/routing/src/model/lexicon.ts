import { readFileSync } from 'node:fs';
import { type TrainingExample } from './types.js';

export type Lexicon = Record<string, string[]>;

/** The lexicon shipped with Suara; admins add phrases in the database on top of it. */
export function defaultLexicon(): Lexicon {
  return JSON.parse(
    readFileSync(new URL('../lexicon/lexicon.id.json', import.meta.url), 'utf8'),
  ) as Lexicon;
}

/** A phrase says more about its agency than any single sentence does. */
export const LEXICON_WEIGHT = 3;

export function lexiconExamples(lexicon: Lexicon, weight = LEXICON_WEIGHT): TrainingExample[] {
  return Object.entries(lexicon).flatMap(([label, phrases]) =>
    phrases.map((text) => ({ text, label, weight })),
  );
}
