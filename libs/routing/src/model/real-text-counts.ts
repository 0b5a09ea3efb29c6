import { existsSync, readFileSync } from 'node:fs';
import { normaliseText, terms } from '@suara/indonesian-text';
import { type TermCounts, addCounts } from './naive-bayes.js';

/** The term counts of real reports as Suara ships them, with where they came from. */
export interface RealTextCounts extends TermCounts {
  source: string;
  license: string;
}

export interface RealReport {
  text: string;
  label: string;
  /** Where the report was sent: a term must have been seen at two such offices. */
  group: string;
}

export interface RealCountOptions {
  /** Words never to count, such as the names of people and places. */
  exclude?: Set<string>;
  /** Reports a term must occur in (default 3). */
  minReports?: number;
  /** Offices a term must have been sent to (default 2). */
  minGroups?: number;
}

/** A text without the excluded words (compared after normalisation). */
export function withoutWords(text: string, exclude: Set<string>): string {
  if (exclude.size === 0) return text;
  return normaliseText(text)
    .split(' ')
    .filter((w) => !exclude.has(w))
    .join(' ');
}

/**
 * Counts the terms of labeled real reports per agency, names removed, and keeps
 * only terms seen in `minReports` reports sent to `minGroups` different offices:
 * the words of complaints in general, not of one reporter, street or city. Only
 * these counts leave the corpus, never a sentence.
 */
export function countRealText(reports: RealReport[], options: RealCountOptions = {}): TermCounts {
  const exclude = options.exclude ?? new Set<string>();
  const minReports = options.minReports ?? 3;
  const minGroups = options.minGroups ?? 2;
  const all: TermCounts = { labels: [...new Set(reports.map((r) => r.label))].sort(), counts: {} };
  const seen = new Map<string, { n: number; groups: Set<string> }>();
  for (const r of reports) {
    const own = terms(withoutWords(r.text, exclude));
    addCounts(all, own, r.label);
    for (const t of new Set(own)) {
      const s = seen.get(t) ?? { n: 0, groups: new Set<string>() };
      s.n++;
      s.groups.add(r.group);
      seen.set(t, s);
    }
  }
  const counts: Record<string, number[]> = {};
  for (const [t, c] of Object.entries(all.counts).sort(([a], [b]) => a.localeCompare(b))) {
    const s = seen.get(t)!;
    if (s.n >= minReports && s.groups.size >= minGroups)
      counts[t] = c.map((v) => Math.round(v * 1000) / 1000);
  }
  return { labels: all.labels, counts };
}

const COUNTS_FILE = new URL('../lexicon/lapor-2017.counts.json', import.meta.url);

/** The term counts of LAPOR! 2017 that ship with Suara (undefined if the file is absent). */
export function shippedRealCounts(): TermCounts | undefined {
  if (!existsSync(COUNTS_FILE)) return undefined;
  const { labels, counts } = JSON.parse(readFileSync(COUNTS_FILE, 'utf8')) as RealTextCounts;
  return { labels, counts };
}
