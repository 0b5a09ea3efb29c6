import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { StaffUser } from '@suara/identity';
import { FeedbackResponse } from '@suara/intake';
import type { RoutingTables } from '@suara/routing';

export interface LatestRouting {
  feedbackId: string;
  kind: string;
  basis: string;
  agencyCode?: string;
  confidence: number;
  explanation: string;
}

export interface StaffSummary {
  id: string;
  name: string;
  email: string;
}

export interface ResponseRow {
  id: string;
  feedbackId: string;
  authorId: string;
  message: string;
  public: boolean;
  createdAt: Date;
}

/**
 * What a worklist page shows beside each item, read for many items at once: one
 * query per field for a whole page. Each answer lists the ids in the order asked.
 * The API batches requests into these with DataLoader; the rules of who may
 * see an item are applied before its id is asked about.
 */
@Injectable()
export class WorklistReads {
  constructor(private readonly em: EntityManager) {}

  async latestRouting(ids: readonly string[]): Promise<(LatestRouting | null)[]> {
    const rows = await this.em
      .fork()
      .getKysely<RoutingTables>()
      .selectFrom('routing_decision')
      .distinctOn('feedback_id')
      .select(['feedback_id', 'kind', 'basis', 'agency_code', 'confidence', 'explanation'])
      .where(({ eb, fn, val }) => eb('feedback_id', '=', fn.any(val(ids))))
      .orderBy('feedback_id')
      .orderBy('created_at', 'desc')
      .execute();
    const byId = new Map(
      rows.map((r) => [
        r.feedback_id,
        {
          feedbackId: r.feedback_id,
          kind: r.kind,
          basis: r.basis,
          agencyCode: r.agency_code ?? undefined,
          confidence: r.confidence,
          explanation: r.explanation,
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  async staff(ids: readonly string[]): Promise<(StaffSummary | null)[]> {
    const users = await this.em.fork().find(StaffUser, { id: { $in: [...ids] } });
    const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async responses(ids: readonly string[]): Promise<ResponseRow[][]> {
    const rows = await this.em
      .fork()
      .find(
        FeedbackResponse,
        { feedback: { $in: [...ids] } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
    const byId = new Map<string, ResponseRow[]>(ids.map((id) => [id, []]));
    for (const r of rows) {
      byId.get(r.feedback.id)?.push({
        id: r.id,
        feedbackId: r.feedback.id,
        authorId: r.authorId,
        message: r.message,
        public: r.public,
        createdAt: r.createdAt,
      });
    }
    return ids.map((id) => byId.get(id) ?? []);
  }
}
