import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { isUuid } from '@suara/core';
import { type Principal, staffAuditActor } from '@suara/identity';
import { ExampleKind, InsightExample } from '../entities/insight-example.entity.js';
import { GapStatus } from '../entities/competency-gap.entity.js';
import { InsightErrors } from '../insight.errors.js';
import { InsightPolicy } from '../insight.policy.js';
import { inTransactionWithRetry } from '../placement/agency-lock.js';
import { refreshClusters } from '../placement/cluster-maintenance.js';
import { InsightAnalysisService } from '../placement/insight-analysis.service.js';
import { type TermDelta, applyTermDeltas, lockAgencies } from '../store/placement-store.js';

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
      const [gap] = isUuid(id)
        ? await tx.execute<
            { id: string; city_code: string; status: string; competency_code: string }[]
          >(
            'select id, city_code, status, competency_code from competency_gap where id = ? for update',
            [id],
          )
        : [];
      if (!gap) throw InsightErrors.gapNotFound(id);
      InsightPolicy.requireCurator(actor, gap.city_code, 'meninjau kesenjangan kompetensi');
      const status = decision === 'ACCEPT' ? GapStatus.ACCEPTED : GapStatus.DISMISSED;
      const evidence = await tx.execute<{ cluster_id: string }[]>(
        'select cluster_id from gap_evidence where gap_id = ?',
        [id],
      );
      if (status === GapStatus.DISMISSED) {
        await tx.execute(
          `insert into gap_dismissal (gap_id, cluster_id) select gap_id, cluster_id from gap_evidence
            where gap_id = ? on conflict do nothing`,
          [id],
        );
        await tx.execute('delete from gap_evidence where gap_id = ?', [id]);
      }
      await tx.execute(
        `update competency_gap set status = ?, reviewed_by = ?, reviewed_at = now(), review_note = ?,
                updated_at = now() where id = ?`,
        [status, actor.userId, note?.slice(0, 1000) ?? null, id],
      );
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
      const load = async (id: string, field: string) => {
        const [c] = isUuid(id)
          ? await tx.execute<
              { id: string; generation: number; agency_code: string; city_code: string }[]
            >(
              `select id, generation, agency_code, city_code from complaint_cluster where id = ? and status = 'OPEN'`,
              [id],
            )
          : [];
        if (!c) throw InsightErrors.clusterNotFound(id, field);
        return c;
      };
      const target = await load(targetId, 'targetId');
      const source = await load(sourceId, 'sourceId');
      if (target.agency_code !== source.agency_code) throw InsightErrors.otherAgency();
      InsightPolicy.requireCurator(actor, target.city_code, 'menggabungkan kelompok keluhan');
      await lockAgencies(tx, target.generation, [target.agency_code]);
      const members = await tx.execute<
        { feedback_id: string; terms: string[]; submitted_at: Date }[]
      >('select feedback_id, terms, submitted_at from insight_item where cluster_id = ?', [
        sourceId,
      ]);
      await applyTermDeltas(
        tx,
        members.flatMap((m) => termDeltas(targetId, m.terms, 1, new Date(m.submitted_at))),
      );
      await tx.execute('update insight_item set cluster_id = ? where cluster_id = ?', [
        targetId,
        sourceId,
      ]);
      await tx.execute(
        `update complaint_cluster set status = 'MERGED', merged_into_id = ?, size = 0 where id = ?`,
        [targetId, sourceId],
      );
      await tx.execute('delete from cluster_term where cluster_id = ?', [sourceId]);
      await tx.execute('delete from gap_evidence where cluster_id = ?', [sourceId]);
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
      const [item] = isUuid(feedbackId)
        ? await tx.execute<
            {
              generation: number;
              cluster_id: string;
              agency_code: string;
              city_code: string;
              terms: string[];
              submitted_at: Date;
              size: number;
            }[]
          >(
            `select i.generation, i.cluster_id, i.agency_code, c.city_code, i.terms, i.submitted_at, c.size
               from insight_item i join complaint_cluster c on c.id = i.cluster_id
              where i.feedback_id = ? and i.generation = (select id from insight_generation where status = 'ACTIVE')`,
            [feedbackId],
          )
        : [];
      if (!item) throw InsightErrors.notClustered(feedbackId);
      InsightPolicy.requireCurator(actor, item.city_code, 'memisahkan laporan dari kelompoknya');
      if (item.size <= 1) throw InsightErrors.alone();
      await lockAgencies(tx, item.generation, [item.agency_code]);
      const at = new Date(item.submitted_at);
      const [{ id }] = await tx.execute<{ id: string }[]>(
        `insert into complaint_cluster (id, generation, agency_code, city_code, first_seen_at, last_seen_at,
                themes, competencies, term_counts)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, '[]', '[]', '{}') returning id`,
        [item.generation, item.agency_code, item.city_code, at, at],
      );
      await applyTermDeltas(tx, [
        ...termDeltas(item.cluster_id, item.terms, -1),
        ...termDeltas(id, item.terms, 1, at),
      ]);
      await tx.execute(
        'update insight_item set cluster_id = ? where generation = ? and feedback_id = ?',
        [id, item.generation, feedbackId],
      );
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
    const changed = await em.execute<{ id: string; status: string }[]>(
      `update competency_gap g set status = ?, updated_at = now()
         from (select id, status from competency_gap where id = any(?::uuid[]) for update) old
        where g.id = old.id and old.status <> ?
        returning g.id, old.status`,
      [GapStatus.ADDRESSED, `{${ids.join(',')}}`, GapStatus.ADDRESSED],
    );
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
