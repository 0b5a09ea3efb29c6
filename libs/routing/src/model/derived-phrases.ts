import { existsSync, readFileSync } from 'node:fs';
import { tokens } from '@suara/indonesian-text';
import type { Lexicon } from './lexicon.js';
import type { TrainingExample } from './types.js';

export interface DerivedLexicon {
  source: string;
  license: string;
  /** Agency type → words and word pairs (normalised, unstemmed) that mark it. */
  phrases: Lexicon;
}

export interface DeriveOptions {
  /** Reports of the agency that must contain a phrase (default 3). */
  minSupport?: number;
  /** Share of the reports containing a phrase that must be the agency's (default 0.7). */
  minPrecision?: number;
  /** Phrases kept per agency, best first (default 80). */
  perAgency?: number;
  /** Words never to derive, such as the place names of the institutions. */
  exclude?: Set<string>;
}

export interface DeriveInput {
  text: string;
  label: string;
  /** Where the item came from; a phrase must be seen at two of them, so no one office's city or street decides. */
  group: string;
}

function phrasesOf(text: string): Set<string> {
  const words = tokens(text, { stem: false });
  const out = new Set(words);
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/**
 * The words and word pairs that mark an agency in labeled real text: seen in at
 * least `minSupport` of its reports, sent to at least two of its offices, and
 * mostly (≥ `minPrecision`, with one pseudo-report against it) in reports to it.
 * Ranked by support × log-lift. Only these derived words leave the corpus, never
 * its sentences.
 */
export function derivePhrases(items: DeriveInput[], options: DeriveOptions = {}): Lexicon {
  const minSupport = options.minSupport ?? 3;
  const minPrecision = options.minPrecision ?? 0.7;
  const perAgency = options.perAgency ?? 80;
  const exclude = options.exclude ?? new Set<string>();
  const total = new Map<string, number>();
  const byLabel = new Map<string, Map<string, { n: number; groups: Set<string> }>>();
  const labelSize = new Map<string, number>();
  for (const item of items) {
    labelSize.set(item.label, (labelSize.get(item.label) ?? 0) + 1);
    let counts = byLabel.get(item.label);
    if (!counts) byLabel.set(item.label, (counts = new Map()));
    for (const p of phrasesOf(item.text)) {
      if (p.split(' ').some((w) => exclude.has(w) || w === 'angka' || w.length < 3)) continue;
      total.set(p, (total.get(p) ?? 0) + 1);
      let c = counts.get(p);
      if (!c) counts.set(p, (c = { n: 0, groups: new Set() }));
      c.n++;
      c.groups.add(item.group);
    }
  }
  const lexicon: Lexicon = {};
  for (const [label, counts] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    const base = labelSize.get(label)! / items.length;
    lexicon[label] = [...counts]
      .map(([phrase, c]) => ({ phrase, c, precision: c.n / (total.get(phrase)! + 1) }))
      .filter((p) => p.c.n >= minSupport && p.c.groups.size >= 2 && p.precision >= minPrecision)
      .map((p) => ({ ...p, score: p.c.n * Math.log(p.precision / base) }))
      .sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase))
      .slice(0, perAgency)
      .map((p) => p.phrase);
  }
  return lexicon;
}

/** Derived words are evidence but not curated: a third of a sentence each (measured best on dev CV and held-out LAPOR folds). */
export const DERIVED_WEIGHT = 0.3;

export function derivedExamples(lexicon: Lexicon, weight = DERIVED_WEIGHT): TrainingExample[] {
  return Object.entries(lexicon).flatMap(([label, phrases]) =>
    phrases.map((text) => ({ text, label, weight })),
  );
}

const DERIVED_FILE = new URL('../lexicon/lapor-2017.derived.json', import.meta.url);

/** The phrases derived from LAPOR! 2017 that ship with Suara (empty if the file is absent). */
export function shippedDerivedLexicon(): Lexicon {
  if (!existsSync(DERIVED_FILE)) return {};
  return (JSON.parse(readFileSync(DERIVED_FILE, 'utf8')) as DerivedLexicon).phrases;
}
