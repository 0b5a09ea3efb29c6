import { Injectable, Module } from '@nestjs/common';
import DataLoader from 'dataloader';
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
}

/**
 * Builds one set of loaders per request, so a page of fifty items costs one query
 * per field rather than fifty, and nothing is cached across requests.
 */
@Injectable()
export class FeedbackLoaders {
  constructor(private readonly reads: WorklistReads) {}

  forRequest(): FeedbackBatchLoaders {
    return {
      routing: new DataLoader((ids) => this.reads.latestRouting(ids)),
      staff: new DataLoader((ids) => this.reads.staff(ids)),
      responses: new DataLoader((ids) => this.reads.responses(ids)),
    };
  }
}

/** For GraphQL's context factory and the WebSocket server, which both build loaders. */
@Module({
  imports: [TriageModule],
  providers: [FeedbackLoaders],
  exports: [FeedbackLoaders],
})
export class FeedbackLoadersModule {}
