import sastrawi from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';

/**
 * Indonesian stemming with the Sastrawi algorithm (Nazief–Adriani, enhanced
 * confix stripping, with its root-word dictionary) as the `natural` package
 * implements it. Imported file by file: the package's index loads much more.
 * Results are memoised: a city's complaints use a few thousand distinct words.
 */
const cache = new Map<string, string>();
const MAX_CACHE = 200_000;

export function stem(word: string): string {
  let root = cache.get(word);
  if (root === undefined) {
    root = word.length <= 3 ? word : (sastrawi.stem(word) as string);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, root);
  }
  return root;
}
