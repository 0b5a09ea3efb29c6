import { Injectable, Module } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  type ClusterMemberView,
  type ClusterView,
  InsightModule,
  InsightReadService,
  type ItemInsightView,
} from '@suara/insight';
import {
  type LatestRouting,
  type ResponseRow,
  type StaffSummary,
  TriageModule,
  WorklistReads,
} from '@suara/triage';

/** The per-request batch loaders of the fields a queue page asks for on every item. */
export interface FeedbackBatchLoaders {
  routing: DataLoader<string, LatestRouting | null>;
  staff: DataLoader<string, StaffSummary | null>;
  responses: DataLoader<string, ResponseRow[]>;
  /** An item's themes and cluster in the active generation. */
  insight: DataLoader<string, ItemInsightView | null>;
  cluster: DataLoader<string, ClusterView | null>;
  /** A cluster's newest members, one loader per page size asked for. */
  members(first: number): DataLoader<string, ClusterMemberView[]>;
}

/**
 * Builds one set of loaders per request, so a page of fifty items costs one query
 * per field rather than fifty, and nothing is cached across requests.
 */
@Injectable()
export class FeedbackLoaders {
  constructor(
    private readonly reads: WorklistReads,
    private readonly insight: InsightReadService,
  ) {}

  forRequest(): FeedbackBatchLoaders {
    const members = new Map<number, DataLoader<string, ClusterMemberView[]>>();
    return {
      routing: new DataLoader((ids) => this.reads.latestRouting(ids)),
      staff: new DataLoader((ids) => this.reads.staff(ids)),
      responses: new DataLoader((ids) => this.reads.responses(ids)),
      insight: new DataLoader(async (ids) => {
        const found = await this.insight.itemInsights(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
      cluster: new DataLoader(async (ids) => {
        const found = await this.insight.clustersByIds(ids);
        return ids.map((id) => found.get(id) ?? null);
      }),
      members: (first) => {
        let loader = members.get(first);
        if (!loader) {
          loader = new DataLoader(async (ids) => {
            const found = await this.insight.members(ids, first);
            return ids.map((id) => found.get(id) ?? []);
          });
          members.set(first, loader);
        }
        return loader;
      },
    };
  }
}

/** For GraphQL's context factory and the WebSocket server, which both build loaders. */
@Module({
  imports: [TriageModule, InsightModule],
  providers: [FeedbackLoaders],
  exports: [FeedbackLoaders],
})
export class FeedbackLoadersModule {}
