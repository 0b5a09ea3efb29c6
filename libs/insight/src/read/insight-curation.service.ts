import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { AuditService } from '@suara/audit';
import { insertSelect, isUuid } from '@suara/core';
import { type Principal, staffAuditActor } from '@suara/identity';
import { ExampleKind, InsightExample } from '../entities/insight-example.entity.js';
import { GapStatus } from '../entities/competency-gap.entity.js';
import { ClusterStatus } from '../entities/complaint-cluster.entity.js';
import type { InsightTables } from '../insight.tables.js';
import { InsightErrors } from '../insight.errors.js';
import { InsightPolicy } from '../insight.policy.js';
import { inTransactionWithRetry } from '../placement/transaction-with-retry.js';
import { refreshClusters } from '../placement/cluster-maintenance.js';
import { InsightAnalysisService } from '../placement/insight-analysis.service.js';
import { activeGeneration, holdActiveGeneration } from '../store/active-generation.js';
import {
  type TermDelta,
  applyTermDeltas,
  insertClusters,
  lockAgencies,
  lockItems,
} from '../store/placement-store.js';

/** One item's terms joining (+1) or leaving (−1) a cluster. */
const termDeltas = (clusterId: string, terms: readonly string[], delta: 1 | -1, at?: Date) =>
  [...new Set(terms)].map((term): TermDelta => ({ clusterId, term, delta, at }));

/**
 * People correcting insight: reviewing a gap, merging two clusters, moving an
 * item out of one. Each is audited and kept as a labeled example.
 */
@Injectable()
export class InsightCurationService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly analysis: InsightAnalysisService,
  ) {}

  /** ACCEPT or DISMISS; a dismissal remembers every current evidence cluster so none is proposed again. */
  async reviewGap(
    actor: Principal,
    id: string,
    decision: 'ACCEPT' | 'DISMISS',
    note?: string,
  ): Promise<string> {
    return this.em.fork().transactional(async (tx) => {
      const db = tx.getKysely<InsightTables>();
      const gap = isUuid(id)
        ? await db
            .selectFrom('competency_gap')
            .select(['id', 'city_code', 'status', 'competency_code'])
            .where('id', '=', id)
            .forUpdate()
            .executeTakeFirst()
        : undefined;
      if (!gap) throw InsightErrors.gapNotFound(id);
      InsightPolicy.requireCurator(actor, gap.city_code, 'meninjau kesenjangan kompetensi');
      const status = decision === 'ACCEPT' ? GapStatus.ACCEPTED : GapStatus.DISMISSED;
      const evidence = await db
        .selectFrom('gap_evidence')
        .select('cluster_id')
        .where('gap_id', '=', id)
        .execute();
      if (status === GapStatus.DISMISSED) {
        await insertSelect(
          db,
          'gap_dismissal',
          db.selectFrom('gap_evidence as e').where('e.gap_id', '=', id),
          (eb) => ({ gap_id: eb.ref('e.gap_id'), cluster_id: eb.ref('e.cluster_id') }),
        )
          .onConflict((oc) => oc.doNothing())
          .execute();
        await db.deleteFrom('gap_evidence').where('gap_id', '=', id).execute();
      }
      await db
        .updateTable('competency_gap')
        .set({
          status,
          reviewed_by: actor.userId,
          reviewed_at: sql<Date>`now()`,
          review_note: note?.slice(0, 1000) ?? null,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', id)
        .execute();
      this.audit.record(tx, {
        actor: staffAuditActor(actor),
        action: 'insight.gap_reviewed',
        subjectType: 'CompetencyGap',
        subjectId: id,
        before: { status: gap.status },
        after: { status, note: note ?? null },
      });
      tx.persist(
        new InsightExample(
          status === GapStatus.ACCEPTED ? ExampleKind.GAP_ACCEPTED : ExampleKind.GAP_DISMISSED,
          actor.userId,
          {
            gapId: id,
            competencyCode: gap.competency_code,
            clusterIds: evidence.map((e) => e.cluster_id),
          },
        ),
      );
      await tx.flush();
      return id;
    });
  }

  /** Folds `sourceId` into `targetId` (same agency): members, centroid and postings move over. */
  async mergeClusters(actor: Principal, targetId: string, sourceId: string): Promise<string> {
    if (targetId === sourceId) throw InsightErrors.sameCluster();
    return inTransactionWithRetry(this.em, async (tx) => {
      const db = tx.getKysely<InsightTables>();
      const load = async (id: string, field: string) => {
        const c = isUuid(id)
          ? await db
              .selectFrom('complaint_cluster')
              .select(['id', 'generation', 'agency_code', 'city_code'])
              .where('id', '=', id)
              .where('status', '=', ClusterStatus.OPEN)
              .executeTakeFirst()
          : undefined;
        if (!c) throw InsightErrors.clusterNotFound(id, field);
        return c;
      };
      await holdActiveGeneration(tx);
      const found = await load(targetId, 'targetId');
      // A cluster's agency never changes; its members and status change only under the agency's
      // lock: both clusters are read (again) once it is held.
      await lockAgencies(tx, found.generation, [found.agency_code]);
      const target = await load(targetId, 'targetId');
      const source = await load(sourceId, 'sourceId');
      if (target.agency_code !== source.agency_code) throw InsightErrors.otherAgency();
      InsightPolicy.requireCurator(actor, target.city_code, 'menggabungkan kelompok keluhan');
      const members = await db
        .selectFrom('insight_item')
        .select(['feedback_id', 'terms', 'submitted_at'])
        .where('cluster_id', '=', sourceId)
        .execute();
      await applyTermDeltas(
        tx,
        members.flatMap((m) => termDeltas(targetId, m.terms, 1, new Date(m.submitted_at))),
      );
      await db
        .updateTable('insight_item')
        .set({ cluster_id: targetId })
        .where('cluster_id', '=', sourceId)
        .execute();
      await db
        .updateTable('complaint_cluster')
        .set({ status: ClusterStatus.MERGED, merged_into_id: targetId, size: 0 })
        .where('id', '=', sourceId)
        .execute();
      await db.deleteFrom('cluster_term').where('cluster_id', '=', sourceId).execute();
      await db.deleteFrom('gap_evidence').where('cluster_id', '=', sourceId).execute();
      await refreshClusters(tx, [targetId], this.analysis.rule);
      this.audit.record(tx, {
        actor: staffAuditActor(actor),
        action: 'insight.clusters_merged',
        subjectType: 'ComplaintCluster',
        subjectId: targetId,
        after: { sourceId, members: members.length },
      });
      tx.persist(
        new InsightExample(ExampleKind.CLUSTERS_MERGED, actor.userId, {
          targetId,
          sourceId,
          feedbackIds: members.map((m) => m.feedback_id),
        }),
      );
      await tx.flush();
      return targetId;
    });
  }

  /** Takes an item out of its cluster into one of its own; returns the new cluster's id. */
  async moveOut(actor: Principal, feedbackId: string): Promise<string> {
    return inTransactionWithRetry(this.em, async (tx) => {
      const db = tx.getKysely<InsightTables>();
      // Locks as placement takes them, the generation, then the item: its agency changes only
      // under the item's lock, its cluster under the agency's; the membership is read once both
      // are held.
      await holdActiveGeneration(tx);
      const placedIn = isUuid(feedbackId)
        ? await lockItems(tx, [feedbackId]).then(() =>
            db
              .selectFrom('insight_item')
              .select(['generation', 'agency_code'])
              .where('feedback_id', '=', feedbackId)
              .where('generation', '=', activeGeneration)
              .executeTakeFirst(),
          )
        : undefined;
      if (!placedIn) throw InsightErrors.notClustered(feedbackId);
      await lockAgencies(tx, placedIn.generation, [placedIn.agency_code]);
      const item = await db
        .selectFrom('insight_item as i')
        .innerJoin('complaint_cluster as c', 'c.id', 'i.cluster_id')
        .select([
          'i.generation',
          'i.cluster_id',
          'i.agency_code',
          'c.city_code',
          'i.terms',
          'i.submitted_at',
          'c.size',
        ])
        .where('i.feedback_id', '=', feedbackId)
        .where('i.generation', '=', placedIn.generation)
        .executeTakeFirst();
      if (!item) throw InsightErrors.notClustered(feedbackId);
      InsightPolicy.requireCurator(actor, item.city_code, 'memisahkan laporan dari kelompoknya');
      if (item.size <= 1) throw InsightErrors.alone();
      const at = new Date(item.submitted_at);
      // Started as placement starts a cluster; its terms and counters follow below.
      const id = randomUUID();
      await insertClusters(tx, item.generation, [
        { id, agencyCode: item.agency_code, cityCode: item.city_code, at },
      ]);
      await applyTermDeltas(tx, [
        ...termDeltas(item.cluster_id, item.terms, -1),
        ...termDeltas(id, item.terms, 1, at),
      ]);
      await db
        .updateTable('insight_item')
        .set({ cluster_id: id })
        .where('generation', '=', item.generation)
        .where('feedback_id', '=', feedbackId)
        .execute();
      await refreshClusters(tx, [item.cluster_id, id], this.analysis.rule);
      this.audit.record(tx, {
        actor: staffAuditActor(actor),
        action: 'insight.item_moved_out',
        subjectType: 'Feedback',
        subjectId: feedbackId,
        before: { clusterId: item.cluster_id },
        after: { clusterId: id },
      });
      tx.persist(
        new InsightExample(ExampleKind.ITEM_MOVED_OUT, actor.userId, {
          feedbackId,
          fromClusterId: item.cluster_id,
        }),
      );
      await tx.flush();
      return id;
    });
  }

  /** Training took the gap on (training context). */
  /**
   * Gaps a completed training answered, marked in the caller's transaction (`em`)
   * so a plan is never completed without its gaps, nor the reverse; audited.
   */
  async markAddressed(em: EntityManager, gapIds: readonly string[], at: Date): Promise<void> {
    const ids = gapIds.filter(isUuid);
    if (ids.length === 0) return;
    // The statuses before the update, read under the row locks, for the audit.
    const changed = await em
      .getKysely<InsightTables>()
      .updateTable('competency_gap as g')
      .from((eb) =>
        eb
          .selectFrom('competency_gap')
          .select(['id', 'status'])
          .where(({ eb, fn, val }) => eb('id', '=', fn.any(val(ids))))
          .forUpdate()
          .as('old'),
      )
      .set({ status: GapStatus.ADDRESSED, updated_at: sql<Date>`now()` })
      .whereRef('g.id', '=', 'old.id')
      .where('old.status', '<>', GapStatus.ADDRESSED)
      .returning(['g.id', 'old.status'])
      .execute();
    for (const gap of changed)
      this.audit.record(em, {
        actor: { type: 'SYSTEM' },
        action: 'gap.addressed',
        subjectType: 'CompetencyGap',
        subjectId: gap.id,
        before: { status: gap.status },
        after: { status: GapStatus.ADDRESSED, trainingCompletedAt: at.toISOString() },
      });
  }
}
