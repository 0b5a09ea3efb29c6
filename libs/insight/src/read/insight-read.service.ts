import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SuaraConfig, isUuid } from '@suara/core';
import type { Principal } from '@suara/identity';
import { maskPersonalData } from '@suara/intake';
import { InsightPolicy } from '../insight.policy.js';
import type { ClusterMemberView, ClusterView, GapView, ItemInsightView } from '../insight.views.js';
import { pgArray } from '../store/pg-array.js';
import { gapSeverity } from './severity.js';

export interface ClusterFilter {
  cityCode?: string;
  agencyCode?: string;
  minSize?: number;
  recurringOnly?: boolean;
}

export interface GapFilter {
  cityCode?: string;
  agencyCode?: string;
  competencyCode?: string;
  status?: string;
}

const ACTIVE = `(select id from insight_generation where status = 'ACTIVE')`;
const SAMPLES = 3;

type ClusterRow = {
  id: string;
  agency_code: string;
  city_code: string;
  label: string;
  size: number;
  distinct_reporters: number;
  recurring: boolean;
  first_seen_at: Date;
  last_seen_at: Date;
  themes: string[];
};

const clusterView = (r: ClusterRow): ClusterView => ({
  id: r.id,
  agencyCode: r.agency_code,
  cityCode: r.city_code,
  label: r.label,
  size: r.size,
  distinctReporters: r.distinct_reporters,
  recurring: r.recurring,
  firstSeenAt: new Date(r.first_seen_at),
  lastSeenAt: new Date(r.last_seen_at),
  themes: r.themes,
});

/**
 * What planners and coordinators read: clusters of the active generation,
 * their members and gaps, texts masked, reporters never named. Also the clean
 * read API the training context uses (`gaps`, `markAddressed` in
 * CompetencyGapsService).
 */
@Injectable()
export class InsightReadService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: SuaraConfig,
  ) {}

  async clusters(actor: Principal, filter: ClusterFilter, first?: number): Promise<ClusterView[]> {
    const scope = InsightPolicy.readScope(actor, 'melihat kelompok keluhan');
    const city = scope.cityCode ?? filter.cityCode ?? null;
    if (scope.cityCode && filter.cityCode && filter.cityCode !== scope.cityCode) return [];
    const rows = await this.em.fork().execute<ClusterRow[]>(
      `select id, agency_code, city_code, label, size, distinct_reporters, recurring, first_seen_at,
              last_seen_at, themes
         from complaint_cluster
        where generation = ${ACTIVE} and status = 'OPEN' and size >= ?
          and (?::text is null or city_code = ?) and (?::text is null or agency_code = ?)
          and (not ? or recurring)
        order by size desc, last_seen_at desc, id
        limit ?`,
      [
        filter.minSize ?? 2,
        city,
        city,
        filter.agencyCode ?? null,
        filter.agencyCode ?? null,
        filter.recurringOnly ?? false,
        first ?? null,
      ],
    );
    return rows.map(clusterView);
  }

  /** Clusters by id, for DataLoaders (gap evidence, an item's cluster). */
  async clustersByIds(ids: readonly string[]): Promise<Map<string, ClusterView>> {
    if (ids.length === 0) return new Map();
    const rows = await this.em.fork().execute<ClusterRow[]>(
      `select id, agency_code, city_code, label, size, distinct_reporters, recurring, first_seen_at,
              last_seen_at, themes from complaint_cluster where id = any(?::uuid[])`,
      [pgArray(ids)],
    );
    return new Map(rows.map((r) => [r.id, clusterView(r)]));
  }

  /** Members of many clusters at once, newest first, masked. */
  async members(
    clusterIds: readonly string[],
    first: number,
  ): Promise<Map<string, ClusterMemberView[]>> {
    const out = new Map<string, ClusterMemberView[]>(clusterIds.map((id) => [id, []]));
    if (clusterIds.length === 0) return out;
    const rows = await this.em.fork().execute<
      {
        cluster_id: string;
        id: string;
        text: string;
        themes: string[];
        submitted_at: Date;
        name: string | null;
      }[]
    >(
      `select m.cluster_id, f.id, f.text, m.themes, f.submitted_at, rc.name
         from unnest(?::uuid[]) as c(id)
         cross join lateral (select i.cluster_id, i.feedback_id, i.themes from insight_item i
                              where i.cluster_id = c.id order by i.submitted_at desc limit ?) m
         join feedback f on f.id = m.feedback_id
         left join reporter_contact rc on rc.feedback_id = f.id`,
      [pgArray(clusterIds), first],
    );
    for (const r of rows)
      out.get(r.cluster_id)!.push({
        id: r.id,
        text: maskPersonalData(r.text, [r.name]),
        themes: r.themes,
        submittedAt: new Date(r.submitted_at),
      });
    return out;
  }

  /** Themes and cluster of items in the active generation, for Feedback.themes / Feedback.cluster. */
  async itemInsights(feedbackIds: readonly string[]): Promise<Map<string, ItemInsightView>> {
    if (feedbackIds.length === 0) return new Map();
    const rows = await this.em.fork().execute<
      {
        feedback_id: string;
        themes: string[];
        triggers: Record<string, string[]>;
        cluster_id: string;
      }[]
    >(
      `select feedback_id, themes, triggers, cluster_id from insight_item
        where generation = ${ACTIVE} and feedback_id = any(?::uuid[])`,
      [pgArray(feedbackIds)],
    );
    return new Map(
      rows.map((r) => [
        r.feedback_id,
        {
          feedbackId: r.feedback_id,
          themes: r.themes,
          triggers: r.triggers,
          clusterId: r.cluster_id,
        },
      ]),
    );
  }

  async gaps(actor: Principal, filter: GapFilter): Promise<GapView[]> {
    const scope = InsightPolicy.readScope(actor, 'melihat kesenjangan kompetensi');
    if (scope.cityCode && filter.cityCode && filter.cityCode !== scope.cityCode) return [];
    return this.list({ ...filter, cityCode: scope.cityCode ?? filter.cityCode });
  }

  /**
   * Complaints per agency and WIB week (Monday) between `from` and `to`: those in
   * the clusters or carrying the competency, and all of them, for comparing the
   * rate of a gap's complaints before and after a training (every city, so the
   * untrained agencies can serve as comparison).
   */
  async weeklyEvidence(query: {
    competencyCode: string;
    clusterIds: readonly string[];
    from: string;
    to: string;
  }): Promise<{ agencyCode: string; weekStart: string; matching: number; total: number }[]> {
    const rows = await this.em
      .fork()
      .execute<{ agency_code: string; week_start: string; matching: number; total: number }[]>(
        `select f.agency_code,
              to_char(date_trunc('week', f.submitted_at at time zone 'Asia/Jakarta'), 'YYYY-MM-DD') as week_start,
              (count(*) filter (where i.cluster_id = any(?::uuid[])
                 or jsonb_exists(i.competencies::jsonb, ?)))::int as matching,
              count(*)::int as total
         from feedback f
         left join insight_item i on i.feedback_id = f.id and i.generation = ${ACTIVE}
        where f.agency_code is not null and f.kind = 'COMPLAINT'
          and f.submitted_at >= (?::date)::timestamp at time zone 'Asia/Jakarta'
          and f.submitted_at < (?::date)::timestamp at time zone 'Asia/Jakarta'
        group by 1, 2`,
        [pgArray(query.clusterIds.filter(isUuid)), query.competencyCode, query.from, query.to],
      );
    return rows.map((r) => ({
      agencyCode: r.agency_code,
      weekStart: r.week_start,
      matching: r.matching,
      total: r.total,
    }));
  }

  /** One gap by id, whatever its evidence: what a review answers with. */
  async gap(id: string): Promise<GapView | null> {
    return (await this.list({}, [id]))[0] ?? null;
  }

  /**
   * Gaps with live evidence (or a planner's decision), most severe first. The
   * severity is computed at read time, so breaches, reopenings and ratings that
   * came after the clustering count.
   */
  async list(filter: GapFilter, ids?: readonly string[]): Promise<GapView[]> {
    // Asked by id, a gap is returned whatever its evidence (a dismissed one has none).
    const wanted = ids ? pgArray(ids.filter(isUuid)) : null;
    const em = this.em.fork();
    const windowDays = this.config.env.INSIGHT_RECURRING_WINDOW_DAYS;
    const gaps = await em.execute<
      {
        id: string;
        agency_code: string;
        city_code: string;
        competency_code: string;
        status: string;
        clusters: string[];
      }[]
    >(
      `select g.id, g.agency_code, g.city_code, g.competency_code, g.status,
              coalesce(array_agg(c.id order by c.size desc) filter (where c.id is not null), '{}') as clusters
         from competency_gap g
         left join gap_evidence e on e.gap_id = g.id
         left join complaint_cluster c on c.id = e.cluster_id and c.generation = ${ACTIVE}
        where (?::text is null or g.city_code = ?) and (?::text is null or g.agency_code = ?)
          and (?::text is null or g.competency_code = ?) and (?::text is null or g.status = ?)
          and (?::uuid[] is null or g.id = any(?::uuid[]))
        group by g.id
       having count(c.id) > 0 or g.status <> 'OPEN' or ?::uuid[] is not null`,
      [
        filter.cityCode ?? null,
        filter.cityCode ?? null,
        filter.agencyCode ?? null,
        filter.agencyCode ?? null,
        filter.competencyCode ?? null,
        filter.competencyCode ?? null,
        filter.status ?? null,
        filter.status ?? null,
        wanted,
        wanted,
        wanted,
      ],
    );
    if (gaps.length === 0) return [];
    const figures = await em.execute<
      {
        gap_id: string;
        items: number;
        reporters: number;
        recent: number;
        earlier: number;
        breaches: number;
        reopened: number;
        low: number;
      }[]
    >(
      `select e.gap_id, count(*)::int as items, count(distinct i.reporter_key)::int as reporters,
              (count(*) filter (where i.submitted_at > now() - make_interval(days => ?) / 2))::int as recent,
              (count(*) filter (where i.submitted_at <= now() - make_interval(days => ?) / 2))::int as earlier,
              (count(*) filter (where f.escalated_at is not null
                 or exists (select 1 from escalation x where x.feedback_id = f.id)))::int as breaches,
              (count(*) filter (where f.reopen_count > 0))::int as reopened,
              (count(*) filter (where exists (select 1 from resolution_rating r
                 where r.feedback_id = f.id and r.score <= 2)))::int as low
         from gap_evidence e
         join complaint_cluster c on c.id = e.cluster_id and c.generation = ${ACTIVE}
         join insight_item i on i.cluster_id = c.id
         join feedback f on f.id = i.feedback_id
        where e.gap_id = any(?::uuid[]) and i.submitted_at > now() - make_interval(days => ?)
        group by e.gap_id`,
      [windowDays, windowDays, pgArray(gaps.map((g) => g.id)), windowDays],
    );
    const byGap = new Map(figures.map((f) => [f.gap_id, f]));
    const samples = await this.members(
      [...new Set(gaps.flatMap((g) => g.clusters.slice(0, 1)))],
      SAMPLES,
    );
    return gaps
      .map((g) => {
        const f = byGap.get(g.id);
        const s = gapSeverity({
          items: f?.items ?? 0,
          reporters: f?.reporters ?? 0,
          recent: f?.recent ?? 0,
          earlier: f?.earlier ?? 0,
          breaches: f?.breaches ?? 0,
          reopened: f?.reopened ?? 0,
          lowRatings: f?.low ?? 0,
          windowDays,
        });
        return {
          id: g.id,
          agencyCode: g.agency_code,
          cityCode: g.city_code,
          competencyCode: g.competency_code,
          status: g.status,
          severity: s.severity,
          severityExplained: s.explained,
          trend: s.trend,
          evidenceClusterIds: g.clusters,
          evidenceCount: f?.items ?? 0,
          samples: g.clusters.length ? (samples.get(g.clusters[0]) ?? []).map((m) => m.text) : [],
        };
      })
      .sort((a, b) => b.severity - a.severity || a.id.localeCompare(b.id));
  }
}
