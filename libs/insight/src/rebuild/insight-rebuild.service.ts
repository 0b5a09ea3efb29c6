import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import { InsightErrors } from '../insight.errors.js';
import { InsightAnalysisService } from '../placement/insight-analysis.service.js';
import { loadItemFacts } from '../placement/item-facts.js';

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
      const rows = await this.em.fork().execute<{ id: string; at: string }[]>(
        `select id, submitted_at::text as at from feedback
          where agency_code is not null
            and (?::timestamptz is null or (submitted_at, id) > (?::timestamptz, ?::uuid))
          order by submitted_at, id limit ?`,
        [after?.at ?? null, after?.at ?? null, after?.id ?? null, BATCH],
      );
      if (rows.length === 0) break;
      const facts = await loadItemFacts(
        this.em.fork(),
        rows.map((r) => r.id),
      );
      const items = rows.flatMap((r) => facts.get(r.id) ?? []);
      // A few short transactions per page: the worker waits for the same agencies' locks meanwhile.
      for (let i = 0; i < items.length; i += PLACE_BATCH) {
        const outcomes = await this.analysis.placeMany(
          generation,
          items.slice(i, i + PLACE_BATCH),
          {
            skipIfPlaced: true,
          },
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
      .execute<{ id: string }[]>(`select id from feedback where updated_at >= ?`, [since]);
    for (let i = 0; i < changed.length; i += PLACE_BATCH) {
      const facts = await loadItemFacts(
        this.em.fork(),
        changed.slice(i, i + PLACE_BATCH).map((c) => c.id),
      );
      await this.analysis.placeMany(generation, [...facts.values()]);
    }
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
      await tx.execute(`lock table insight_generation in share row exclusive mode`);
      const [building] = await tx.execute<{ id: number }[]>(
        `select id from insight_generation where status = ?`,
        [GenerationStatus.BUILDING],
      );
      if (building) throw InsightErrors.rebuildRunning(building.id);
      const [{ id }] = await tx.execute<{ id: number }[]>(
        `insert into insight_generation (id, status)
         select coalesce(max(id), 0) + 1, ? from insight_generation returning id`,
        [GenerationStatus.BUILDING],
      );
      return id;
    });
  }

  /**
   * Carries planners' dismissals over to the clusters that are the same again,
   * reopens a dismissed gap only on evidence nobody judged (as placement does),
   * switches over in one statement, then drops the old generation's rows.
   */
  private async switchOver(generation: number): Promise<{ carried: number; clusters: number }> {
    const result = await this.em.fork().transactional(async (tx) => {
      const carried = await tx.execute<{ gap_id: string; cluster_id: string }[]>(
        `with old_members as (
           select i.cluster_id, i.feedback_id, count(*) over (partition by i.cluster_id) as n
             from insight_item i join insight_generation g on g.id = i.generation and g.status = 'ACTIVE'),
         new_members as (
           select i.cluster_id, i.feedback_id, count(*) over (partition by i.cluster_id) as n
             from insight_item i where i.generation = ?),
         same as (
           select o.cluster_id as old_id, n.cluster_id as new_id
             from old_members o join new_members n on n.feedback_id = o.feedback_id
            group by o.cluster_id, n.cluster_id, o.n, n.n
           having count(*) >= ? * greatest(o.n, n.n))
         insert into gap_dismissal (gap_id, cluster_id)
         select d.gap_id, s.new_id from gap_dismissal d join same s on s.old_id = d.cluster_id
         on conflict do nothing returning gap_id, cluster_id`,
        [generation, SAME_CLUSTER_OVERLAP],
      );
      for (const c of carried)
        await tx.execute(`delete from gap_evidence where gap_id = ? and cluster_id = ?`, [
          c.gap_id,
          c.cluster_id,
        ]);
      await tx.execute(
        `update competency_gap g set status = 'OPEN', updated_at = now()
          where g.status = 'DISMISSED' and exists (
            select 1 from gap_evidence e join complaint_cluster c on c.id = e.cluster_id
             where e.gap_id = g.id and c.generation = ?)`,
        [generation],
      );
      // The switch itself: one statement, so no reader ever sees two active generations.
      await tx.execute(
        `update insight_generation
            set status = case when id = ? then 'ACTIVE' else 'RETIRED' end,
                activated_at = case when id = ? then now() else activated_at end
          where status = 'ACTIVE' or id = ?`,
        [generation, generation, generation],
      );
      const [{ n }] = await tx.execute<{ n: number }[]>(
        `select count(*)::int as n from complaint_cluster where generation = ?`,
        [generation],
      );
      return { carried: carried.length, clusters: n };
    });
    // Retired rows are read by no one; their clusters take postings, items and evidence along.
    await this.em
      .fork()
      .execute(
        `delete from complaint_cluster where generation in (select id from insight_generation where status = 'RETIRED')`,
      );
    await this.em
      .fork()
      .execute(
        `delete from gap_dismissal d where not exists (select 1 from complaint_cluster c where c.id = d.cluster_id)`,
      );
    await this.em
      .fork()
      .execute(
        `delete from term_frequency where generation in (select id from insight_generation where status = 'RETIRED')`,
      );
    return result;
  }
}
