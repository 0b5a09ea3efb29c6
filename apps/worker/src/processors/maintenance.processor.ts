import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { type JobHandlers, JobName, type JobsOf, QueueName, jobOptions } from '@suara/queue';
import { ContactErasureService } from '@suara/intake';
import { RouterModelService, RoutingService } from '@suara/routing';
import { AnswerStatsService } from '@suara/transparency';
import { DeadlineWatchService } from '@suara/triage';
import { JobProcessor } from '../jobs/job-processor.js';

/**
 * Scheduled housekeeping. Schedulers are upserted, so every worker may declare
 * them. Started after boot, once JobHandlerCheck has passed.
 */
@Processor(QueueName.Maintenance, { concurrency: 1, autorun: false })
export class MaintenanceProcessor extends JobProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  readonly queueName = QueueName.Maintenance;

  readonly handlers: JobHandlers<JobsOf<QueueName.Maintenance>> = {
    [JobName.SweepUnrouted]: async () => {
      const requeued = await this.routing.sweepUnrouted();
      if (requeued) this.logger.warn(`Re-queued ${requeued} items that were stuck unrouted`);
      return { requeued };
    },
    [JobName.WatchDeadlines]: () => this.deadlines.run(),
    [JobName.RetrainRouter]: (data) => this.models.retrain(data?.reason ?? 'scheduled retraining'),
    [JobName.EraseExpiredContacts]: () => this.contacts.eraseExpired(),
    [JobName.RefreshAnswerStats]: () => this.answerStats.refresh(),
  };

  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    private readonly routing: RoutingService,
    private readonly models: RouterModelService,
    private readonly deadlines: DeadlineWatchService,
    private readonly contacts: ContactErasureService,
    private readonly answerStats: AnswerStatsService,
    private readonly config: SuaraConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    void this.worker.run();
    // First run one interval from now: a worker that starts should route, not retrain.
    const schedule = (name: JobName, every: number) =>
      this.queue.upsertJobScheduler(
        name,
        { every, startDate: Date.now() + every },
        { name, data: {}, opts: jobOptions(name, this.config.env.JOB_BACKOFF_MS) },
      );
    await schedule(JobName.SweepUnrouted, this.config.env.SWEEP_EVERY_MS);
    await schedule(JobName.RetrainRouter, this.config.env.ROUTING_RETRAIN_EVERY_MS);
    await schedule(JobName.WatchDeadlines, this.config.env.DEADLINE_WATCH_EVERY_MS);
    await schedule(JobName.EraseExpiredContacts, this.config.env.RETENTION_EVERY_MS);
    await schedule(JobName.RefreshAnswerStats, this.config.env.ANSWER_STATS_EVERY_MS);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Maintenance worker: ${error.message}`);
  }
}
