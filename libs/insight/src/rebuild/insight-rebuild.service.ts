import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { insertSelect } from '@suara/core';
import type { IntakeTables } from '@suara/intake';
import { expressionBuilder, sql } from 'kysely';
import { GapStatus } from '../entities/competency-gap.entity.js';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import { InsightErrors } from '../insight.errors.js';
import type { InsightTables } from '../insight.tables.js';
import { InsightAnalysisService } from '../placement/insight-analysis.service.js';
import { lockGeneration } from '../store/placement-store.js';

export interface RebuildReport {
  generation: number;
  placed: number;
  clusters: number;
  /** Dismissals carried to a cluster of the new generation that is the same cluster again. */
  carriedDismissals: number;
  seconds: number;
}

/** A new cluster is the old one again when each holds at least half of the other's members. */
export const SAME_CLUSTER_OVERLAP = 0.5;
const BATCH = 500;
const PLACE_BATCH = 100;

/**
 * Rebuilds themes, clusters and gaps from scratch (after a lexicon or model
 * change) into a new generation beside the active one. The worker keeps placing
 * new and rerouted items into both meanwhile, so intake and routing never wait;
 * readers keep reading the active generation until one statement switches over.
 * An item enters the new generation once (its row is keyed by generation and
 * item), so nothing is counted twice whoever placed it first.
 */
@Injectable()
export class InsightRebuildService {
  private readonly logger = new Logger(InsightRebuildService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly analysis: InsightAnalysisService,
  ) {}

  async rebuild(): Promise<RebuildReport> {
    const started = Date.now();
    const generation = await this.open();
    const since = new Date();
    let placed = 0;
    // Oldest first, as they arrived: clusters grow in the order people wrote.
    // The cursor keeps PostgreSQL's microseconds as text: a JS Date would round them off
    // and read the same rows again.
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const cursor = after; // a constant the query's callbacks can rely on
      const rows = await this.em
        .fork()
        .getKysely<IntakeTables>()
        .selectFrom('feedback')
        .select((eb) => ['id', eb.cast<string>('submitted_at', 'text').as('at')])
        .where('agency_code', 'is not', null)
        .$if(cursor !== undefined, (qb) =>
          qb.where((eb) =>
            eb(
              eb.tuple(eb.ref('submitted_at'), eb.ref('id')),
              '>',
              eb.tuple(
                eb.cast<Date>(eb.val(cursor!.at), 'timestamptz'),
                eb.cast<string>(eb.val(cursor!.id), 'uuid'),
              ),
            ),
          ),
        )
        .orderBy('submitted_at')
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      // A few short transactions per page: the worker waits for the same agencies' locks meanwhile.
      for (let i = 0; i < rows.length; i += PLACE_BATCH) {
        const { outcomes } = await this.analysis.placeMany(
          generation,
          rows.slice(i, i + PLACE_BATCH).map((r) => r.id),
          { skipIfPlaced: true },
        );
        for (const outcome of outcomes.values()) if (outcome === 'PLACED') placed++;
      }
      const last = rows[rows.length - 1];
      after = { at: last.at, id: last.id };
      this.logger.log(`Generation ${generation}: ${placed} items placed`);
    }
    // Items that changed while the pass ran were also re-placed by the worker; this
    // catches a change whose job ran before the new generation existed.
    const changed = await this.em
      .fork()
      .getKysely<IntakeTables>()
      .selectFrom('feedback')
      .select('id')
      .where('updated_at', '>=', since)
      .execute();
    for (let i = 0; i < changed.length; i += PLACE_BATCH)
      await this.analysis.placeMany(
        generation,
        changed.slice(i, i + PLACE_BATCH).map((c) => c.id),
      );
    const { carried, clusters } = await this.switchOver(generation);
    return {
      generation,
      placed,
      clusters,
      carriedDismissals: carried,
      seconds: (Date.now() - started) / 1000,
    };
  }

  /** The new generation, BUILDING; one rebuild at a time. */
  private async open(): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const db = tx.getKysely<InsightTables>();
      // No typed form for a table lock.
      await sql`lock table ${sql.table('insight_generation')} in share row exclusive mode`.execute(
        db,
      );
      const building = await db
        .selectFrom('insight_generation')
        .select('id')
        .where('status', '=', GenerationStatus.BUILDING)
        .executeTakeFirst();
      if (building) throw InsightErrors.rebuildRunning(building.id);
      // The type arguments spelled out: inferred from the values, the table type is lost for `returning`.
      const { id } = await insertSelect<
        InsightTables,
        'insight_generation',
        InsightTables,
        'insight_generation'
      >(db, 'insight_generation', db.selectFrom('insight_generation'), (eb) => ({
        id: eb(eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)), '+', 1),
        status: eb.val(GenerationStatus.BUILDING),
      }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    });
  }

  /**
   * Carries planners' dismissals over to the clusters that are the same again,
   * reopens a dismissed gap only on evidence nobody judged (as placement does),
   * switches over in one statement, then drops the old generation's rows. It
   * holds both generations' locks exclusive: no batch places into either
   * meanwhile (one placing into the new generation could link a cluster to a
   * gap whose dismissal is being carried over), and a batch that waited finds
   * the old one retired and leaves it alone.
   */
  private async switchOver(generation: number): Promise<{ carried: number; clusters: number }> {
    const result = await this.em.fork().transactional(async (tx) => {
      const db = tx.getKysely<InsightTables>();
      const live = await db
        .selectFrom('insight_generation')
        .select('id')
        .where((eb) =>
          eb.or([eb('status', '=', GenerationStatus.ACTIVE), eb('id', '=', generation)]),
        )
        .orderBy('id')
        .execute();
      for (const g of live) await lockGeneration(tx, g.id, 'exclusive');
      // Each item's cluster in the old and in the new generation, with the cluster's size.
      const members = db.selectFrom('insight_item as i').select((eb) => [
        'i.cluster_id',
        'i.feedback_id',
        eb.fn
          .countAll<number>()
          .over((ob) => ob.partitionBy('i.cluster_id'))
          .as('n'),
      ]);
      const oldMembers = members.innerJoin('insight_generation as g', (join) =>
        join.onRef('g.id', '=', 'i.generation').on('g.status', '=', GenerationStatus.ACTIVE),
      );
      const newMembers = members.where('i.generation', '=', generation);
      const carried = await db
        .with('old_members', () => oldMembers)
        .with('new_members', () => newMembers)
        .with('same', (db) =>
          db
            .selectFrom('old_members as o')
            .innerJoin('new_members as n', 'n.feedback_id', 'o.feedback_id')
            .select(['o.cluster_id as old_id', 'n.cluster_id as new_id'])
            .groupBy(['o.cluster_id', 'n.cluster_id', 'o.n', 'n.n'])
            .having((eb) =>
              eb(
                eb.fn.countAll(),
                '>=',
                // numeric, as the literal was: a bare parameter would be taken for a bigint.
                eb(
                  eb.cast<number>(eb.val(SAME_CLUSTER_OVERLAP), 'numeric'),
                  '*',
                  eb.fn<number>('greatest', ['o.n', 'n.n']),
                ),
              ),
            ),
        )
        .insertInto('gap_dismissal')
        .columns(['gap_id', 'cluster_id'])
        .expression((eb) =>
          eb
            .selectFrom('gap_dismissal as d')
            .innerJoin('same as s', 's.old_id', 'd.cluster_id')
            .select(['d.gap_id', 's.new_id']),
        )
        .onConflict((oc) => oc.doNothing())
        .returning(['gap_id', 'cluster_id'])
        .execute();
      for (const c of carried)
        await db
          .deleteFrom('gap_evidence')
          .where('gap_id', '=', c.gap_id)
          .where('cluster_id', '=', c.cluster_id)
          .execute();
      await db
        .updateTable('competency_gap as g')
        .set({ status: GapStatus.OPEN, updated_at: sql<Date>`now()` })
        .where('g.status', '=', GapStatus.DISMISSED)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('gap_evidence as e')
              .innerJoin('complaint_cluster as c', 'c.id', 'e.cluster_id')
              .select(eb.lit(1).as('one'))
              .whereRef('e.gap_id', '=', 'g.id')
              .where('c.generation', '=', generation),
          ),
        )
        .execute();
      // The switch itself: one statement, so no reader ever sees two active generations.
      await db
        .updateTable('insight_generation')
        .set((eb) => ({
          status: eb
            .case()
            .when('id', '=', generation)
            .then(GenerationStatus.ACTIVE)
            .else(GenerationStatus.RETIRED)
            .end(),
          activated_at: eb
            .case()
            .when('id', '=', generation)
            .then(sql<Date>`now()`)
            .else(eb.ref('activated_at'))
            .end(),
        }))
        .where((eb) =>
          eb.or([eb('status', '=', GenerationStatus.ACTIVE), eb('id', '=', generation)]),
        )
        .execute();
      const { n } = await db
        .selectFrom('complaint_cluster')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .where('generation', '=', generation)
        .executeTakeFirstOrThrow();
      return { carried: carried.length, clusters: n };
    });
    // Retired rows are read by no one; their clusters take postings, items and evidence along.
    const retired = expressionBuilder<InsightTables, never>()
      .selectFrom('insight_generation')
      .select('id')
      .where('status', '=', GenerationStatus.RETIRED);
    await this.em
      .fork()
      .getKysely<InsightTables>()
      .deleteFrom('complaint_cluster')
      .where('generation', 'in', retired)
      .execute();
    await this.em
      .fork()
      .getKysely<InsightTables>()
      .deleteFrom('gap_dismissal as d')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('complaint_cluster as c')
              .select(eb.lit(1).as('one'))
              .whereRef('c.id', '=', 'd.cluster_id'),
          ),
        ),
      )
      .execute();
    await this.em
      .fork()
      .getKysely<InsightTables>()
      .deleteFrom('term_frequency')
      .where('generation', 'in', retired)
      .execute();
    return result;
  }
}
