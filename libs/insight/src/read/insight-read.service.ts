import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SuaraConfig, isUuid, unnestRows } from '@suara/core';
import type { Principal } from '@suara/identity';
import { FeedbackKind, type IntakeTables, maskPersonalData } from '@suara/intake';
import type { TriageTables } from '@suara/triage';
import { type Expression, type NotNull, type Selectable, type SqlBool, sql } from 'kysely';
import { GapStatus } from '../entities/competency-gap.entity.js';
import { ClusterStatus } from '../entities/complaint-cluster.entity.js';
import type { InsightTables } from '../insight.tables.js';
import { InsightPolicy } from '../insight.policy.js';
import type { ClusterMemberView, ClusterView, GapView, ItemInsightView } from '../insight.views.js';
import { activeGeneration } from '../store/active-generation.js';
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

const SAMPLES = 3;
const WIB = 'Asia/Jakarta';

/** The tables the planners' reads join: insight's own, and intake's and triage's (read only). */
type ReadTables = InsightTables & IntakeTables & TriageTables;

const CLUSTER_COLUMNS = [
  'id',
  'agency_code',
  'city_code',
  'label',
  'size',
  'distinct_reporters',
  'recurring',
  'first_seen_at',
  'last_seen_at',
  'themes',
] as const;

type ClusterRow = Pick<
  Selectable<InsightTables['complaint_cluster']>,
  (typeof CLUSTER_COLUMNS)[number]
>;

/** A time as a WIB wall-clock time (`timestamp`), for calendar arithmetic in Jakarta. */
const inWib = (at: Expression<Date>) => sql<Date>`${at} at time zone ${sql.lit(WIB)}`;

/** Midnight WIB of a `YYYY-MM-DD` day, as a point in time. */
const wibMidnight = (day: string) =>
  sql<Date>`(${day}::date)::timestamp at time zone ${sql.lit(WIB)}`;

/** The start and the middle of a window of `days` up to now (make_interval's named argument has no typed form). */
const windowStart = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;
const windowMiddle = (days: number) => sql<Date>`now() - make_interval(days => ${days}) / 2`;

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
    const agency = filter.agencyCode ?? null;
    const rows = await this.em
      .fork()
      .getKysely<InsightTables>()
      .selectFrom('complaint_cluster')
      .select(CLUSTER_COLUMNS)
      .where('generation', '=', activeGeneration)
      .where('status', '=', ClusterStatus.OPEN)
      .where('size', '>=', filter.minSize ?? 2)
      .$if(city !== null, (qb) => qb.where('city_code', '=', city!))
      .$if(agency !== null, (qb) => qb.where('agency_code', '=', agency!))
      .$if(filter.recurringOnly ?? false, (qb) => qb.where('recurring', '=', true))
      .orderBy('size', 'desc')
      .orderBy('last_seen_at', 'desc')
      .orderBy('id')
      .$if(first != null, (qb) => qb.limit(first!))
      .execute();
    return rows.map(clusterView);
  }

  /** Clusters by id, for DataLoaders (gap evidence, an item's cluster). */
  async clustersByIds(ids: readonly string[]): Promise<Map<string, ClusterView>> {
    if (ids.length === 0) return new Map();
    const rows = await this.em
      .fork()
      .getKysely<InsightTables>()
      .selectFrom('complaint_cluster')
      .select(CLUSTER_COLUMNS)
      .where(({ eb, fn, val }) => eb('id', '=', fn.any(val([...ids]))))
      .execute();
    return new Map(rows.map((r) => [r.id, clusterView(r)]));
  }

  /** Members of many clusters at once, newest first, masked. */
  async members(
    clusterIds: readonly string[],
    first: number,
  ): Promise<Map<string, ClusterMemberView[]>> {
    const out = new Map<string, ClusterMemberView[]>(clusterIds.map((id) => [id, []]));
    if (clusterIds.length === 0) return out;
    // Each cluster's newest `first` items, read from the (cluster, submitted_at) index.
    const rows = await this.em
      .fork()
      .getKysely<ReadTables>()
      .selectFrom(unnestRows({ id: ['uuid', [...clusterIds]] }).as('c'))
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('insight_item as i')
            .select(['i.cluster_id', 'i.feedback_id', 'i.themes'])
            .whereRef('i.cluster_id', '=', 'c.id')
            .orderBy('i.submitted_at', 'desc')
            .limit(first)
            .as('m'),
        (join) => join.onTrue(),
      )
      .innerJoin('feedback as f', 'f.id', 'm.feedback_id')
      .leftJoin('reporter_contact as rc', 'rc.feedback_id', 'f.id')
      .select(['m.cluster_id', 'f.id', 'f.text', 'm.themes', 'f.submitted_at', 'rc.name'])
      .execute();
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
    const rows = await this.em
      .fork()
      .getKysely<InsightTables>()
      .selectFrom('insight_item')
      .select(['feedback_id', 'themes', 'triggers', 'cluster_id'])
      .where('generation', '=', activeGeneration)
      .where(({ eb, fn, val }) => eb('feedback_id', '=', fn.any(val([...feedbackIds]))))
      .execute();
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
      .getKysely<ReadTables>()
      .selectFrom((db) =>
        db
          .selectFrom('feedback as f')
          .leftJoin('insight_item as i', (join) =>
            join.onRef('i.feedback_id', '=', 'f.id').on('i.generation', '=', activeGeneration),
          )
          .select((eb) => [
            'f.agency_code',
            eb
              .fn<string>('to_char', [
                eb.fn<Date>('date_trunc', [sql.lit('week'), inWib(eb.ref('f.submitted_at'))]),
                sql.lit('YYYY-MM-DD'),
              ])
              .as('week_start'),
            eb
              .or([
                eb('i.cluster_id', '=', eb.fn.any(eb.val(query.clusterIds.filter(isUuid)))),
                // jsonb_exists: the `?` operator would be taken for a parameter.
                eb.fn<boolean>('jsonb_exists', [
                  eb.cast('i.competencies', 'jsonb'),
                  eb.val(query.competencyCode),
                ]),
              ])
              .as('matches'),
          ])
          .where('f.agency_code', 'is not', null)
          .$narrowType<{ agency_code: NotNull }>()
          .where('f.kind', '=', FeedbackKind.COMPLAINT)
          .where('f.submitted_at', '>=', wibMidnight(query.from))
          .where('f.submitted_at', '<', wibMidnight(query.to))
          .as('x'),
      )
      .select((eb) => [
        'x.agency_code',
        'x.week_start',
        eb
          .cast<number>(eb.fn.countAll().filterWhere('x.matches', '=', true), 'integer')
          .as('matching'),
        eb.cast<number>(eb.fn.countAll(), 'integer').as('total'),
      ])
      .groupBy(['x.agency_code', 'x.week_start'])
      .execute();
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
    const em = this.em.fork();
    const db = em.getKysely<ReadTables>();
    const windowDays = this.config.env.INSIGHT_RECURRING_WINDOW_DAYS;
    const gaps = await db
      .selectFrom('competency_gap as g')
      .leftJoin('gap_evidence as e', 'e.gap_id', 'g.id')
      .leftJoin('complaint_cluster as c', (join) =>
        join.onRef('c.id', '=', 'e.cluster_id').on('c.generation', '=', activeGeneration),
      )
      .select((eb) => [
        'g.id',
        'g.agency_code',
        'g.city_code',
        'g.competency_code',
        'g.status',
        eb.fn
          .coalesce(
            eb.fn
              .agg<string[]>('array_agg', ['c.id'])
              .orderBy('c.size', 'desc')
              .filterWhere('c.id', 'is not', null),
            eb.val<string[]>([]),
          )
          .as('clusters'),
      ])
      .$if(filter.cityCode != null, (qb) => qb.where('g.city_code', '=', filter.cityCode!))
      .$if(filter.agencyCode != null, (qb) => qb.where('g.agency_code', '=', filter.agencyCode!))
      .$if(filter.competencyCode != null, (qb) =>
        qb.where('g.competency_code', '=', filter.competencyCode!),
      )
      .$if(filter.status != null, (qb) => qb.where('g.status', '=', filter.status! as GapStatus))
      .groupBy('g.id')
      // Asked by id, a gap is returned whatever its evidence (a dismissed one has none).
      .$if(ids != null, (qb) =>
        qb.where(({ eb, fn, val }) => eb('g.id', '=', fn.any(val(ids!.filter(isUuid))))),
      )
      .$if(ids == null, (qb) =>
        qb.having((eb) =>
          eb.or([eb(eb.fn.count('c.id'), '>', 0), eb('g.status', '<>', GapStatus.OPEN)]),
        ),
      )
      .execute();
    if (gaps.length === 0) return [];
    const figures = await db
      .selectFrom('gap_evidence as e')
      .innerJoin('complaint_cluster as c', (join) =>
        join.onRef('c.id', '=', 'e.cluster_id').on('c.generation', '=', activeGeneration),
      )
      .innerJoin('insight_item as i', 'i.cluster_id', 'c.id')
      .innerJoin('feedback as f', 'f.id', 'i.feedback_id')
      .select((eb) => {
        const count = (where?: Expression<SqlBool>) =>
          eb.cast<number>(
            where ? eb.fn.countAll().filterWhere(where) : eb.fn.countAll(),
            'integer',
          );
        return [
          'e.gap_id',
          count().as('items'),
          eb.cast<number>(eb.fn.count('i.reporter_key').distinct(), 'integer').as('reporters'),
          count(eb('i.submitted_at', '>', windowMiddle(windowDays))).as('recent'),
          count(eb('i.submitted_at', '<=', windowMiddle(windowDays))).as('earlier'),
          count(
            eb.or([
              eb('f.escalated_at', 'is not', null),
              eb.exists(
                eb
                  .selectFrom('escalation as x')
                  .select(eb.lit(1).as('one'))
                  .whereRef('x.feedback_id', '=', 'f.id'),
              ),
            ]),
          ).as('breaches'),
          count(eb('f.reopen_count', '>', 0)).as('reopened'),
          count(
            eb.exists(
              eb
                .selectFrom('resolution_rating as r')
                .select(eb.lit(1).as('one'))
                .whereRef('r.feedback_id', '=', 'f.id')
                .where('r.score', '<=', 2),
            ),
          ).as('low'),
        ];
      })
      .where(({ eb, fn, val }) => eb('e.gap_id', '=', fn.any(val(gaps.map((g) => g.id)))))
      .where('i.submitted_at', '>', windowStart(windowDays))
      .groupBy('e.gap_id')
      .execute();
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
