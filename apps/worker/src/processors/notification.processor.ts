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
/** Few at once: each holds a database connection while the mail server answers. */
const NOTIFICATION_CONCURRENCY = 4;

@Processor(QueueName.Notifications, { autorun: false })
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
    this.startTaking(NOTIFICATION_CONCURRENCY, this.config.env.WORKER_LOCK_MS);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.reportFailure(
      this.logger,
      job,
      error,
      'Notice not sent',
      'given up, an admin can retry it',
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Notification worker: ${error.message}`);
  }
}
