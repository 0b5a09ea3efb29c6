/** What a cluster's counters are derived from: its members. */
export interface MemberFacts {
  reporterKey: string;
  kind: string;
  themes: readonly string[];
  competencies: readonly string[];
  submittedAt: Date;
}

export interface RecurrenceSettings {
  minItems: number;
  minReporters: number;
  windowDays: number;
}

export interface ClusterSummary {
  size: number;
  distinctReporters: number;
  complaints: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  themes: string[];
  competencies: string[];
  recurring: boolean;
}

const DAY = 86_400_000;

/**
 * A cluster's counters, from scratch: never incremented, so an item processed
 * twice or moved back and forth is counted exactly as often as it is a member.
 * Themes are those at least half of the members show. A cluster is recurring
 * when, in the window before its latest item, it has enough items from enough
 * distinct reporters.
 *
 * Competencies are those at least half of the complaints point at, and only
 * when the complaints pointing at one recur by the same rule: a competency gap
 * is a claim about people that keeps coming back, so one rude remark in a
 * recurring cluster of suggestions about the same market is not evidence of it.
 */
export function summariseCluster(
  members: readonly MemberFacts[],
  rule: RecurrenceSettings,
): ClusterSummary | undefined {
  if (members.length === 0) return undefined;
  const times = members.map((m) => m.submittedAt.getTime());
  const last = Math.max(...times);
  const recent = members.filter((m) => m.submittedAt.getTime() > last - rule.windowDays * DAY);
  const complaints = members.filter((m) => m.kind === 'COMPLAINT');
  const recurs = (list: readonly MemberFacts[]) =>
    list.length >= rule.minItems &&
    new Set(list.map((m) => m.reporterKey)).size >= rule.minReporters;
  const pointingAt = (competency: string) =>
    recent.filter((m) => m.kind === 'COMPLAINT' && m.competencies.includes(competency));
  return {
    size: members.length,
    distinctReporters: new Set(members.map((m) => m.reporterKey)).size,
    complaints: complaints.length,
    firstSeenAt: new Date(Math.min(...times)),
    lastSeenAt: new Date(last),
    themes: majority(members.map((m) => m.themes)),
    competencies: majority(complaints.map((m) => m.competencies)).filter((c) =>
      recurs(pointingAt(c)),
    ),
    recurring: recurs(recent),
  };
}

function majority(lists: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const c of new Set(list)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n * 2 >= lists.length)
    .map(([c]) => c)
    .sort();
}
