import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { type JobHandlers, JobName, type JobsOf, QueueName } from '@suara/queue';
import { RoutingService } from '@suara/routing';
import { JobProcessor } from '../jobs/job-processor.js';

/**
 * Routes items. Started by hand after boot so that concurrency and the job lock
 * come from configuration: a worker killed with SIGKILL stops renewing its locks,
 * and after WORKER_LOCK_MS another worker takes its jobs over as stalled.
 */
@Processor(QueueName.Routing, { autorun: false })
export class RoutingProcessor extends JobProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RoutingProcessor.name);
  readonly queueName = QueueName.Routing;

  readonly handlers: JobHandlers<JobsOf<QueueName.Routing>> = {
    [JobName.RouteFeedback]: (data) => this.routing.route(data.feedbackId),
  };

  constructor(
    private readonly routing: RoutingService,
    private readonly config: SuaraConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.startTaking(this.config.env.WORKER_CONCURRENCY, this.config.env.WORKER_LOCK_MS);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.reportFailure(
      this.logger,
      job,
      error,
      'Routing job failed',
      'dead-lettered, an admin can retry it',
    );
  }

  // Redis outages surface here while the worker reconnects; jobs wait in the outbox meanwhile.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Routing worker: ${error.message}`);
  }
}
