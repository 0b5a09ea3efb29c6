import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { type AnalysisOutcome, InsightAnalysisService } from '@suara/insight';
import { type JobHandlers, JobName, type JobsOf, QueueName } from '@suara/queue';
import { JobProcessor } from '../jobs/job-processor.js';

/** Reads themes and places items in recurring clusters; the rules live in libs/insight. */
@Processor(QueueName.Insight, { autorun: false })
export class InsightProcessor extends JobProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(InsightProcessor.name);
  readonly queueName = QueueName.Insight;

  readonly handlers: JobHandlers<JobsOf<QueueName.Insight>> = {
    [JobName.AnalyseFeedback]: (data): Promise<AnalysisOutcome> =>
      this.insight.analyse(data.feedbackId),
  };

  constructor(
    private readonly insight: InsightAnalysisService,
    private readonly config: SuaraConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.startTaking(this.config.env.INSIGHT_CONCURRENCY, this.config.env.WORKER_LOCK_MS);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.reportFailure(this.logger, job, error, 'Insight job failed', 'dead-lettered');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Insight worker: ${error.message}`);
  }
}
