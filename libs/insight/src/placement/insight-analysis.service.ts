import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SuaraConfig, isUuid } from '@suara/core';
import { clusterTerms } from '../clustering/signature.js';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import type { InsightTables } from '../insight.tables.js';
import { competenciesFor } from '../themes/competencies.js';
import { ThemeDetector } from '../themes/theme-detector.js';
import { defaultThemeLexicon } from '../themes/theme-lexicon.js';
import type { FeedbackKind } from '../themes/theme-codes.js';
import type { RecurrenceSettings } from '../store/cluster-summary.js';
import { inTransactionWithRetry } from './transaction-with-retry.js';
import { type BatchOptions, type BatchResult, placeBatch } from './place-batch.js';
import { isDataError } from './data-error.js';
import { PlacementQueue } from './placement-queue.js';

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

/** Figures of the latest batches kept for the benchmark (bounded: a worker runs for long). */
const FIGURES_KEPT = 10_000;
/** Most items placed in one batch (one transaction per live generation). */
const MAX_BATCH = 200;

/**
 * Reads items (themes, competencies, cluster terms) and places them among the
 * clusters of their agency in every live generation. Items arriving together
 * (a worker's concurrent jobs) are placed as one batch, a fixed number of
 * statements per generation whatever its size (placeBatch): while a batch is
 * being placed, the next one gathers. Placement of one item, and placement in
 * one agency, are serialised by transaction-scoped advisory locks (placeBatch),
 * so two workers placing near-identical items at once make one cluster and two
 * revisions of one item are placed one after the other. Processing an item
 * again replaces its one membership row: a reroute moves it, a repeat changes
 * nothing.
 */
@Injectable()
export class InsightAnalysisService {
  private readonly detector = new ThemeDetector(defaultThemeLexicon());
  readonly rule: RecurrenceSettings;
  /**
   * The latest candidate lookup times of this process (for the benchmark): one
   * query per batch, so one item's lookup when items come one at a time.
   * Bounded so that a long-running worker does not keep one per placement.
   */
  readonly lookupMs: number[] = [];
  /** The term statistics reads of this process's latest batches, one figure per batch (bounded likewise). */
  readonly statisticsReads: number[] = [];
  private readonly queue = new PlacementQueue<string, AnalysisOutcome>(
    (ids) => this.analyseMany(ids),
    MAX_BATCH,
    isDataError,
  );

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
      terms: clusterTerms(item.text, item.kind),
    };
  }

  /** One item into every live generation, batched with the items analysed at the same time. */
  analyse(feedbackId: string): Promise<AnalysisOutcome> {
    return isUuid(feedbackId) ? this.queue.add(feedbackId) : Promise.resolve('NOT_FOUND');
  }

  /**
   * Items into every live generation; an outcome per id, the active generation's
   * (the one everybody reads), else the building one's.
   */
  async analyseMany(ids: readonly string[]): Promise<AnalysisOutcome[]> {
    const unique = [...new Set(ids)];
    const generations = await this.em
      .fork()
      .getKysely<InsightTables>()
      .selectFrom('insight_generation')
      .select('id')
      .where('status', 'in', [GenerationStatus.ACTIVE, GenerationStatus.BUILDING])
      .orderBy('id')
      .execute();
    let active: Map<string, AnalysisOutcome> | undefined;
    let building: Map<string, AnalysisOutcome> | undefined;
    for (const g of generations) {
      // The status each batch saw under its lock: a switch-over may have happened since the list.
      const { status, outcomes } = await this.placeMany(g.id, unique);
      if (status === GenerationStatus.ACTIVE) active = outcomes;
      else if (status === GenerationStatus.BUILDING) building = outcomes;
    }
    const reported = active ?? building ?? new Map<string, AnalysisOutcome>();
    return ids.map((id) => reported.get(id) ?? 'NOT_FOUND');
  }

  /**
   * Distinct items into one generation, in one transaction (retried as a
   * deadlock victim), their facts read in it under their locks.
   */
  placeMany(
    generation: number,
    ids: readonly string[],
    options: BatchOptions = {},
  ): Promise<BatchResult> {
    return inTransactionWithRetry(this.em, (tx) =>
      placeBatch(
        tx,
        generation,
        ids,
        {
          read: (item, agencyCode) => this.read(item, agencyCode),
          rule: this.rule,
          lookupMs: (ms) => keep(this.lookupMs, ms),
          statisticsReads: (reads) => keep(this.statisticsReads, reads),
        },
        options,
      ),
    );
  }
}

/** Appends a figure, dropping the oldest beyond what a long-running worker keeps. */
function keep(figures: number[], figure: number): void {
  figures.push(figure);
  const excess = figures.length - FIGURES_KEPT;
  if (excess > 0) figures.splice(0, excess);
}
