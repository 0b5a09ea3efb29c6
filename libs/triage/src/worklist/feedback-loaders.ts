import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
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

/** The per-request batch loaders of the fields a queue page asks for on every item. */
export interface FeedbackBatchLoaders {
  routing: DataLoader<string, LatestRouting | null>;
  staff: DataLoader<string, StaffSummary | null>;
  responses: DataLoader<string, ResponseRow[]>;
}

/**
 * Builds one set of loaders per request, so a page of fifty items costs one query
 * per field rather than fifty, and nothing is cached across requests.
 */
@Injectable()
export class FeedbackLoaders {
  constructor(private readonly em: EntityManager) {}

  forRequest(): FeedbackBatchLoaders {
    return {
      routing: new DataLoader((ids) => this.latestRouting(ids)),
      staff: new DataLoader((ids) => this.staff(ids)),
      responses: new DataLoader((ids) => this.responses(ids)),
    };
  }

  private async latestRouting(ids: readonly string[]): Promise<(LatestRouting | null)[]> {
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

  private async staff(ids: readonly string[]): Promise<(StaffSummary | null)[]> {
    const users = await this.em.fork().find(StaffUser, { id: { $in: [...ids] } });
    const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async responses(ids: readonly string[]): Promise<ResponseRow[][]> {
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
