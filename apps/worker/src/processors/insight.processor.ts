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
    const { INSIGHT_CONCURRENCY, WORKER_LOCK_MS } = this.config.env;
    this.worker.concurrency = INSIGHT_CONCURRENCY;
    this.worker.opts.lockDuration = WORKER_LOCK_MS;
    this.worker.opts.stalledInterval = WORKER_LOCK_MS;
    void this.worker.run();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    const message = `Insight job ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`;
    if (final) this.logger.error(`${message}; dead-lettered`);
    else this.logger.warn(message);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Insight worker: ${error.message}`);
  }
}
