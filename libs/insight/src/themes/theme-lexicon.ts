import { readFileSync } from 'node:fs';
import { normaliseText } from '@suara/indonesian-text';
import { isThemeCode, type ThemeCode } from './theme-codes.js';

/** Phrases per theme, plus `ASSET_IGNORED` (an asset problem reported before and left unanswered). */
export type ThemeLexicon = Partial<Record<ThemeCode | 'ASSET_IGNORED', string[]>>;

export type LexiconLabel = ThemeCode | 'ASSET_IGNORED';

export interface CompiledPhrase {
  label: LexiconLabel;
  /** The phrase as written in the lexicon: what staff read as the trigger. */
  phrase: string;
  /** The phrase's words, as matched against a text. */
  words: string[];
}

/** The lexicon shipped with Suara (`lexicon/themes.id.json`). */
export function defaultThemeLexicon(): ThemeLexicon {
  const raw = JSON.parse(
    readFileSync(new URL('./lexicon/themes.id.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const lexicon: ThemeLexicon = {};
  for (const [label, phrases] of Object.entries(raw)) {
    if (!Array.isArray(phrases)) continue;
    if (isThemeCode(label) || label === 'ASSET_IGNORED') lexicon[label] = phrases as string[];
  }
  return lexicon;
}

const CLITIC = /^(.{4,}?)(nya|lah|kah|pun)$/;

/**
 * Indonesian number words, read like digits (which normalisation turns into
 * `angka`): "menunggu lebih dari empat jam" is "lebih dari 4 jam". "satu" is left
 * out ("satu loket", "salah satu" are not durations), so are "se-" forms ("sebulan"
 * is a word of its own in the lexicon).
 */
const NUMBER_WORDS = new Set(
  `dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belasan puluhan
  ratusan beberapa`.split(/\s+/),
);

/**
 * Words of a phrase or clause as the lexicon matches them: normalised (chat
 * spellings mapped), function words kept since negation and "ada" matter, and
 * clitics dropped ("petugasnya" → "petugas"), number words read as numbers. Not stemmed: the stemmer folds
 * "berhari-hari" into "hari" and "perbaiki" into "baik", which would turn
 * complaint phrases into everyday words; the lexicon lists inflected forms instead.
 */
export const themeWords = (text: string): string[] =>
  normaliseText(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => (NUMBER_WORDS.has(w) ? 'angka' : w.replace(CLITIC, '$1')));

/**
 * Phrases compiled into stemmed word sequences, indexed by first word so that
 * matching a text costs one lookup per word, not one per phrase.
 */
export function compileLexicon(lexicon: ThemeLexicon): Map<string, CompiledPhrase[]> {
  const byFirst = new Map<string, CompiledPhrase[]>();
  const seen = new Set<string>();
  for (const [label, phrases] of Object.entries(lexicon) as [LexiconLabel, string[]][]) {
    for (const phrase of phrases) {
      const words = themeWords(phrase);
      const key = `${label}|${words.join(' ')}`;
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const list = byFirst.get(words[0]) ?? [];
      list.push({ label, phrase, words });
      byFirst.set(words[0], list);
    }
  }
  return byFirst;
}
