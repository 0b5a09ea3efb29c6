import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { CitizenNotifier, DeliveryFailure, type NoticeOutcome } from '@suara/notifications';
import { type JobHandlers, JobName, type JobsOf, QueueName } from '@suara/queue';
import { JobProcessor } from '../jobs/job-processor.js';

/**
 * Sends citizens' notices. Few at once: each holds a database connection while
 * the mail server answers. Started after boot, like routing, so the job lock
 * comes from configuration and a killed worker's jobs are taken over.
 */
@Processor(QueueName.Notifications, { autorun: false, concurrency: 4 })
export class NotificationProcessor extends JobProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationProcessor.name);
  readonly queueName = QueueName.Notifications;

  readonly handlers: JobHandlers<JobsOf<QueueName.Notifications>> = {
    [JobName.NotifyCitizen]: async (data): Promise<NoticeOutcome> => {
      try {
        return await this.notifier.deliver(data);
      } catch (error) {
        // Retrying cannot help a refused address: fail now instead of sixteen times.
        if (error instanceof DeliveryFailure && error.permanent)
          throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };

  constructor(
    private readonly notifier: CitizenNotifier,
    private readonly config: SuaraConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.opts.lockDuration = this.config.env.WORKER_LOCK_MS;
    this.worker.opts.stalledInterval = this.config.env.WORKER_LOCK_MS;
    void this.worker.run();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    if (!job) return;
    const final =
      job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    const message = `Notice ${job.id} not sent (attempt ${job.attemptsMade}): ${error.message}`;
    if (final) this.logger.error(`${message}; given up, an admin can retry it`);
    else this.logger.warn(`${message}; will retry`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Notification worker: ${error.message}`);
  }
}
