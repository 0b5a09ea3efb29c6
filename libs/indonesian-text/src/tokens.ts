import { SALUTATIONS } from './data/salutations.js';
import { STOPWORDS } from './data/stopwords.js';
import { normaliseText } from './normalise.js';
import { stem } from './stemmer.js';

export interface TokenOptions {
  /** Drop function words, greetings and honorifics (default true). */
  stopwords?: boolean;
  /** Reduce words to their root (default true). */
  stem?: boolean;
}

/** Normalised, stemmed words of a text, function words removed. */
export function tokens(text: string, options: TokenOptions = {}): string[] {
  const drop = (options.stopwords ?? true) ? isFiller : () => false;
  const out: string[] = [];
  for (const word of normaliseText(text).split(' ')) {
    if (word === '' || drop(word)) continue;
    const root = (options.stem ?? true) ? stem(word) : word;
    if (root.length > 1 && !drop(root)) out.push(root);
  }
  return out;
}

function isFiller(word: string): boolean {
  return STOPWORDS.has(word) || SALUTATIONS.has(word);
}

/** Unigrams and adjacent bigrams (`a_b`) of the stemmed words: the router's features. */
export function terms(text: string): string[] {
  const words = tokens(text);
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]}_${words[i]}`);
  return out;
}
