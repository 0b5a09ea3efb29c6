import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SuaraConfig, isUuid } from '@suara/core';
import { ClusterPlacer, DEFAULT_THRESHOLD } from '../clustering/cluster-placer.js';
import { clusterTerms } from '../clustering/signature.js';
import { competenciesFor } from '../themes/competencies.js';
import { ThemeDetector } from '../themes/theme-detector.js';
import { defaultThemeLexicon } from '../themes/theme-lexicon.js';
import type { FeedbackKind } from '../themes/theme-codes.js';
import type { RecurrenceSettings } from '../store/cluster-summary.js';
import { PgClusterIndex, addTerms, removeTerms } from '../store/pg-cluster-index.js';
import { PgTermStatistics } from '../store/pg-term-statistics.js';
import { refreshCluster } from './cluster-maintenance.js';
import { inTransactionWithRetry, lockAgencies } from './agency-lock.js';

export type AnalysisOutcome = 'PLACED' | 'UNCHANGED' | 'REMOVED' | 'NOT_PLACEABLE' | 'NOT_FOUND';

/** An item as placement reads it. */
export interface ItemFacts {
  id: string;
  text: string;
  kind: FeedbackKind;
  cityCode: string;
  /** The agency whose clusters it belongs to: its own, or its original's for a duplicate. */
  agencyCode: string | null;
  duplicateOfId: string | null;
  submittedAt: Date;
  reporterKey: string;
}

export interface ItemReading {
  themes: string[];
  triggers: Record<string, string[]>;
  competencies: string[];
  terms: string[];
}

/**
 * Reads an item (themes, competencies, cluster terms) and places it among the
 * clusters of its agency in every live generation. Placement in one agency is
 * serialised by a transaction-scoped advisory lock on the agency, held around
 * candidate lookup and insert, so two workers placing near-identical items at
 * once make one cluster. Processing an item again replaces its one membership
 * row: a reroute moves it, a repeat changes nothing.
 */
@Injectable()
export class InsightAnalysisService {
  private readonly detector = new ThemeDetector(defaultThemeLexicon());
  readonly rule: RecurrenceSettings;
  /**
   * The latest candidate lookup times of this process (for the benchmark),
   * bounded so that a long-running worker does not keep one per placement.
   */
  readonly lookupMs: number[] = [];
  private static readonly LOOKUPS_KEPT = 10_000;

  constructor(
    private readonly em: EntityManager,
    config: SuaraConfig,
  ) {
    this.rule = {
      minItems: config.env.INSIGHT_RECURRING_MIN_ITEMS,
      minReporters: config.env.INSIGHT_RECURRING_MIN_REPORTERS,
      windowDays: config.env.INSIGHT_RECURRING_WINDOW_DAYS,
    };
  }

  read(item: Pick<ItemFacts, 'text' | 'kind'>, agencyCode: string): ItemReading {
    const reading = this.detector.read(item.text, item.kind);
    const themes = reading.themes.map((t) => t.code);
    return {
      themes,
      triggers: Object.fromEntries(reading.themes.map((t) => [t.code, t.triggers])),
      competencies: competenciesFor(themes, agencyCode, item.kind, reading.assetIgnored),
      terms: clusterTerms(item.text),
    };
  }

  async analyse(feedbackId: string): Promise<AnalysisOutcome> {
    if (!isUuid(feedbackId)) return 'NOT_FOUND';
    const item = await loadItemFacts(this.em.fork(), feedbackId);
    if (!item) return 'NOT_FOUND';
    const generations = await this.em
      .fork()
      .execute<{ id: number }[]>(
        `select id from insight_generation where status in ('ACTIVE', 'BUILDING') order by id`,
      );
    let outcome: AnalysisOutcome = 'NOT_PLACEABLE';
    for (const g of generations) outcome = await this.placeIn(g.id, item);
    return outcome;
  }

  /** One item into one generation; `countStatistics` off when the rebuild counted them beforehand. */
  async placeIn(
    generation: number,
    item: ItemFacts,
    options: { countStatistics?: boolean; skipIfPlaced?: boolean } = {},
  ): Promise<AnalysisOutcome> {
    return inTransactionWithRetry(this.em, async (tx) => {
      const current = async () =>
        (
          await tx.execute<{ cluster_id: string; agency_code: string; terms: string[] }[]>(
            `select cluster_id, agency_code, terms from insight_item where generation = ? and feedback_id = ?`,
            [generation, item.id],
          )
        )[0];
      const before = await current();
      if (before && options.skipIfPlaced) return 'UNCHANGED';
      await lockAgencies(tx, generation, [item.agencyCode, before?.agency_code]);
      const existing = await current();
      if (existing && options.skipIfPlaced) return 'UNCHANGED';
      if (!item.agencyCode) {
        if (!existing) return 'NOT_PLACEABLE';
        await this.leave(tx, generation, item.id, existing);
        return 'REMOVED';
      }
      const reading = this.read(item, item.agencyCode);
      const original = item.duplicateOfId
        ? (
            await tx.execute<{ cluster_id: string }[]>(
              `select cluster_id from insight_item where generation = ? and feedback_id = ? and agency_code = ?`,
              [generation, item.duplicateOfId, item.agencyCode],
            )
          )[0]?.cluster_id
        : undefined;
      if (
        existing &&
        existing.agency_code === item.agencyCode &&
        (!original || original === existing.cluster_id)
      ) {
        // Same agency, same cluster: refresh the reading only (a lexicon change), never count again.
        await this.writeItem(tx, generation, item, reading, existing.cluster_id);
        await refreshCluster(tx, existing.cluster_id, this.rule);
        return 'UNCHANGED';
      }
      if (existing) await this.leave(tx, generation, item.id, existing);
      const stats = new PgTermStatistics(tx, generation);
      let clusterId: string;
      if (original) {
        clusterId = original;
        await addTerms(tx, clusterId, reading.terms, item.submittedAt);
      } else {
        const index = new PgClusterIndex(tx, generation, item.cityCode);
        const placer = new ClusterPlacer(index, stats, {
          threshold: DEFAULT_THRESHOLD,
          // An item counts once in the statistics, when it first enters a generation.
          updateStatistics: (options.countStatistics ?? true) && !existing,
        });
        clusterId = (await placer.place(item.agencyCode, reading.terms, item.submittedAt.getTime()))
          .clusterId;
        this.lookupMs.push(...index.lookupMs);
        const excess = this.lookupMs.length - InsightAnalysisService.LOOKUPS_KEPT;
        if (excess > 0) this.lookupMs.splice(0, excess);
      }
      await this.writeItem(tx, generation, item, reading, clusterId);
      await refreshCluster(tx, clusterId, this.rule);
      await stats.flush();
      return 'PLACED';
    });
  }

  private async leave(
    tx: EntityManager,
    generation: number,
    feedbackId: string,
    existing: { cluster_id: string; terms: string[] },
  ): Promise<void> {
    await removeTerms(tx, existing.cluster_id, existing.terms);
    await tx.execute('delete from insight_item where generation = ? and feedback_id = ?', [
      generation,
      feedbackId,
    ]);
    await refreshCluster(tx, existing.cluster_id, this.rule);
  }

  private async writeItem(
    tx: EntityManager,
    generation: number,
    item: ItemFacts,
    reading: ItemReading,
    clusterId: string,
  ): Promise<void> {
    await tx.execute(
      `insert into insight_item (generation, feedback_id, cluster_id, agency_code, reporter_key, kind,
              themes, triggers, competencies, terms, submitted_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (generation, feedback_id) do update set cluster_id = excluded.cluster_id,
         agency_code = excluded.agency_code, reporter_key = excluded.reporter_key, kind = excluded.kind,
         themes = excluded.themes, triggers = excluded.triggers, competencies = excluded.competencies,
         terms = excluded.terms, placed_at = now()`,
      [
        generation,
        item.id,
        clusterId,
        item.agencyCode,
        item.reporterKey,
        item.kind,
        JSON.stringify(reading.themes),
        JSON.stringify(reading.triggers),
        JSON.stringify(reading.competencies),
        JSON.stringify(reading.terms),
        item.submittedAt,
      ],
    );
  }
}

/**
 * The facts of items placement needs, with the reporter told apart without
 * being named: a hash of the contact (e-mail, else phone), of the speaker within
 * a forum session, or the item itself when nobody left a contact.
 */
export const ITEM_FACTS_SQL = `
  select f.id, f.text, f.kind, f.city_code, f.duplicate_of_id, f.submitted_at,
         case when f.status = 'DUPLICATE' and o.id is not null then o.agency_code
              when f.status in ('REJECTED') then null
              else f.agency_code end as agency_code,
         case when rc.email is not null then 'c:' || md5(lower(rc.email))
              when rc.phone is not null then 'c:' || md5(rc.phone)
              when f.forum_session_id is not null and rc.name is not null
                then 'f:' || md5(f.forum_session_id || '|' || lower(rc.name))
              else 'i:' || f.id end as reporter_key
    from feedback f
    left join reporter_contact rc on rc.feedback_id = f.id
    left join feedback o on o.id = f.duplicate_of_id`;

interface FactsRow {
  id: string;
  text: string;
  kind: FeedbackKind;
  city_code: string;
  duplicate_of_id: string | null;
  submitted_at: Date;
  agency_code: string | null;
  reporter_key: string;
}

export const factsOf = (r: FactsRow): ItemFacts => ({
  id: r.id,
  text: r.text,
  kind: r.kind,
  cityCode: r.city_code,
  agencyCode: r.agency_code,
  duplicateOfId: r.duplicate_of_id,
  submittedAt: new Date(r.submitted_at),
  reporterKey: r.reporter_key,
});

export async function loadItemFacts(em: EntityManager, id: string): Promise<ItemFacts | undefined> {
  const [row] = await em.execute<FactsRow[]>(`${ITEM_FACTS_SQL} where f.id = ?`, [id]);
  return row && factsOf(row);
}
