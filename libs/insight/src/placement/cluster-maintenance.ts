import { pgArray } from '../store/pg-array.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { clusterLabel } from '../clustering/cluster-label.js';
import { type RecurrenceSettings, summariseCluster } from '../store/cluster-summary.js';
import { GapStatus } from '../entities/competency-gap.entity.js';

/**
 * Brings a cluster's counters, label and gap links in line with its members,
 * inside the caller's transaction (which holds the agency's lock). A cluster
 * left without members is deleted, with its postings and evidence links.
 */
export async function refreshCluster(
  em: EntityManager,
  clusterId: string,
  rule: RecurrenceSettings,
): Promise<void> {
  const members = await em.execute<
    {
      reporter_key: string;
      kind: string;
      themes: string[];
      competencies: string[];
      submitted_at: Date;
    }[]
  >(
    `select reporter_key, kind, themes, competencies, submitted_at from insight_item where cluster_id = ?`,
    [clusterId],
  );
  const summary = summariseCluster(
    members.map((m) => ({
      reporterKey: m.reporter_key,
      kind: m.kind,
      themes: m.themes,
      competencies: m.competencies,
      submittedAt: new Date(m.submitted_at),
    })),
    rule,
  );
  if (!summary) {
    await em.execute('delete from complaint_cluster where id = ?', [clusterId]);
    return;
  }
  const [cluster] = await em.execute<
    {
      generation: number;
      agency_code: string;
      city_code: string;
      term_counts: Record<string, number>;
      documents: number;
    }[]
  >(
    `select c.generation, c.agency_code, c.city_code, c.term_counts, g.documents
       from complaint_cluster c join insight_generation g on g.id = c.generation where c.id = ?`,
    [clusterId],
  );
  const termCounts = new Map(Object.entries(cluster.term_counts));
  // Only terms half the members share can make the label: their statistics are all it reads.
  const shared = [...termCounts]
    .filter(([, n]) => summary.size === 1 || n * 2 >= summary.size)
    .map(([t]) => t);
  const dfRows = shared.length
    ? await em.execute<{ term: string; df: number }[]>(
        'select term, df from term_frequency where generation = ? and term = any(?::text[])',
        [cluster.generation, pgArray(shared)],
      )
    : [];
  const df = new Map(dfRows.map((r) => [r.term, r.df]));
  const idf = (t: string) => Math.log((cluster.documents + 2) / ((df.get(t) ?? 0) + 1));
  const label = clusterLabel({ size: summary.size, termCounts }, idf).join(' ');
  await em.execute(
    `update complaint_cluster set size = ?, distinct_reporters = ?, complaints = ?, first_seen_at = ?,
            last_seen_at = ?, themes = ?, competencies = ?, recurring = ?, label = ? where id = ?`,
    [
      summary.size,
      summary.distinctReporters,
      summary.complaints,
      summary.firstSeenAt,
      summary.lastSeenAt,
      JSON.stringify(summary.themes),
      JSON.stringify(summary.competencies),
      summary.recurring,
      label.slice(0, 300),
      clusterId,
    ],
  );
  await linkGaps(
    em,
    clusterId,
    cluster.agency_code,
    cluster.city_code,
    summary.recurring ? summary.competencies : [],
  );
}

/**
 * A recurring cluster is evidence of one gap per competency its complaints
 * point at; a cluster that stops being recurring (an item moved out) stops
 * being evidence. A link a planner dismissed is never made again; a new cluster
 * pointing at a dismissed gap reopens it, since that is evidence nobody judged.
 */
async function linkGaps(
  em: EntityManager,
  clusterId: string,
  agencyCode: string,
  cityCode: string,
  competencies: readonly string[],
): Promise<void> {
  await em.execute(
    `delete from gap_evidence e using competency_gap g
      where e.gap_id = g.id and e.cluster_id = ? and g.competency_code <> all(?::text[])`,
    [clusterId, pgArray(competencies)],
  );
  if (competencies.length === 0) return;
  await em.execute(
    `insert into competency_gap (id, agency_code, city_code, competency_code)
     select gen_random_uuid(), ?, ?, c from unnest(?::text[]) c
      where exists (select 1 from competency k where k.code = c)
     on conflict (agency_code, competency_code) do nothing`,
    [agencyCode, cityCode, pgArray([...competencies].sort())],
  );
  const linked = await em.execute<{ gap_id: string }[]>(
    `insert into gap_evidence (gap_id, cluster_id)
     select g.id, ? from competency_gap g
      where g.agency_code = ? and g.competency_code = any(?::text[])
        and not exists (select 1 from gap_dismissal d where d.gap_id = g.id and d.cluster_id = ?)
     on conflict do nothing returning gap_id`,
    [clusterId, agencyCode, pgArray(competencies), clusterId],
  );
  if (linked.length)
    await em.execute(
      `update competency_gap g set status = ?, updated_at = now()
        from complaint_cluster c join insight_generation gen on gen.id = c.generation
       where c.id = ? and gen.status = 'ACTIVE' and g.id = any(?::uuid[]) and g.status = ?`,
      [GapStatus.OPEN, clusterId, pgArray(linked.map((l) => l.gap_id)), GapStatus.DISMISSED],
    );
}
