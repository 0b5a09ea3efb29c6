import { type MemberFacts, summariseCluster } from '../store/cluster-summary.js';
import { agencyKey, type LabeledItem } from './labeled-item.js';
import { prf, type PRF } from './metrics.js';

export interface GapInput {
  /** Agency of one city (`MDN-DUKCAPIL`). */
  agency: string;
  reporter: string;
  isComplaint: boolean;
  competencies: readonly string[];
}

export interface RecurrenceRule {
  minItems: number;
  minReporters: number;
  /** Share of a cluster's complaints that must carry a competency. */
  minShare: number;
}

export const DEFAULT_RECURRENCE: RecurrenceRule = { minItems: 3, minReporters: 3, minShare: 0.5 };

/**
 * (agency, competency) gaps implied by a clustering: every recurring cluster
 * (enough items from enough distinct reporters) links the competencies that at
 * least `minShare` of its complaints carry.
 */
export function impliedGaps(
  items: readonly GapInput[],
  clusterOf: readonly (string | null)[],
  rule: RecurrenceRule = DEFAULT_RECURRENCE,
): Set<string> {
  const members = new Map<string, GapInput[]>();
  items.forEach((item, i) => {
    const c = clusterOf[i];
    if (c === null) return;
    const key = `${item.agency}\u0000${c}`;
    members.set(key, [...(members.get(key) ?? []), item]);
  });
  const gaps = new Set<string>();
  for (const list of members.values()) {
    if (list.length < rule.minItems) continue;
    if (new Set(list.map((m) => m.reporter)).size < rule.minReporters) continue;
    const complaints = list.filter((m) => m.isComplaint);
    if (complaints.length === 0) continue;
    const counts = new Map<string, number>();
    for (const m of complaints)
      for (const c of new Set(m.competencies)) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const [c, n] of counts)
      if (n / complaints.length >= rule.minShare) gaps.add(`${list[0].agency} ${c}`);
  }
  return gaps;
}

/**
 * (agency, competency) gaps the running system would link for a clustering:
 * the same summariseCluster rule the worker applies to each cluster.
 */
export function productionGaps(
  items: readonly (MemberFacts & { agency: string })[],
  clusterOf: readonly string[],
  rule = {
    minItems: DEFAULT_RECURRENCE.minItems,
    minReporters: DEFAULT_RECURRENCE.minReporters,
    windowDays: 90,
  },
): Set<string> {
  const members = new Map<string, (MemberFacts & { agency: string })[]>();
  items.forEach((item, i) => {
    const key = `${item.agency}\u0000${clusterOf[i]}`;
    members.set(key, [...(members.get(key) ?? []), item]);
  });
  const gaps = new Set<string>();
  for (const list of members.values()) {
    const summary = summariseCluster(list, rule);
    if (summary?.recurring)
      for (const c of summary.competencies) gaps.add(`${list[0].agency} ${c}`);
  }
  return gaps;
}

/** The gaps a labeled set implies by the rule, from its own labels. */
export function labeledGaps(items: readonly LabeledItem[]): Set<string> {
  return impliedGaps(
    items.map((it) => ({
      agency: agencyKey(it),
      reporter: it.reporter,
      isComplaint: it.kind === 'COMPLAINT',
      competencies: it.competencies,
    })),
    items.map((it) => it.cluster),
  );
}

export function scoreGaps(gold: Set<string>, predicted: Set<string>): PRF & { tp: number } {
  const tp = [...predicted].filter((g) => gold.has(g)).length;
  return { tp, ...prf(tp, predicted.size, gold.size) };
}
