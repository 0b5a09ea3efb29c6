import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { type AnalysisOutcome, InsightAnalysisService } from '@suara/insight';
import { JobName, type JobPayloads, QueueName } from '@suara/queue';

/** Reads themes and places items in recurring clusters; the rules live in libs/insight. */
@Processor(QueueName.Insight, { autorun: false })
export class InsightProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(InsightProcessor.name);

  constructor(
    private readonly insight: InsightAnalysisService,
    private readonly config: SuaraConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    const { WORKER_CONCURRENCY, WORKER_LOCK_MS } = this.config.env;
    this.worker.concurrency = WORKER_CONCURRENCY;
    this.worker.opts.lockDuration = WORKER_LOCK_MS;
    this.worker.opts.stalledInterval = WORKER_LOCK_MS;
    void this.worker.run();
  }

  async process(job: Job<JobPayloads[JobName.AnalyseFeedback]>): Promise<AnalysisOutcome> {
    if ((job.name as JobName) !== JobName.AnalyseFeedback) {
      throw new Error(`No handler for job ${job.name} on queue ${QueueName.Insight}`);
    }
    return this.insight.analyse(job.data.feedbackId);
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
