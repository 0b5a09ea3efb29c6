import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { JobName, QueueName, jobOptions } from '@suara/queue';
import { RouterModelService, RoutingService } from '@suara/routing';
import { DeadlineWatchService } from '@suara/triage';

/** Scheduled housekeeping. Schedulers are upserted, so every worker may declare them. */
@Processor(QueueName.Maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    private readonly routing: RoutingService,
    private readonly models: RouterModelService,
    private readonly deadlines: DeadlineWatchService,
    private readonly config: SuaraConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
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
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.SweepUnrouted: {
        const requeued = await this.routing.sweepUnrouted();
        if (requeued) this.logger.warn(`Re-queued ${requeued} items that were stuck unrouted`);
        return { requeued };
      }
      case JobName.WatchDeadlines:
        return this.deadlines.run();
      case JobName.RetrainRouter:
        return this.models.retrain(job.data?.reason ?? 'scheduled retraining');
      default:
        throw new Error(`No handler for job ${job.name} on queue ${QueueName.Maintenance}`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Maintenance worker: ${error.message}`);
  }
}
