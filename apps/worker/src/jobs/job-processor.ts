import { WorkerHost } from '@nestjs/bullmq';
import type { LoggerService } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { JobName, QueueName, RegisteredHandlers } from '@suara/queue';

/**
 * A queue's processor: a typed map from job name to handler instead of a
 * switch, so the worker checks at boot that every job has exactly one handler
 * (JobHandlerCheck) and a job never fails for want of one.
 */
export abstract class JobProcessor extends WorkerHost {
  abstract readonly queueName: QueueName;
  abstract readonly handlers: Partial<Record<JobName, (data: never) => Promise<unknown>>>;

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    // Unreachable after the boot check, unless a job was queued by a newer release.
    if (!handler) throw new Error(`No handler for job ${job.name} on queue ${this.queueName}`);
    return handler(job.data as never);
  }

  registered(): RegisteredHandlers {
    return { owner: this.constructor.name, queue: this.queueName, handlers: this.handlers };
  }

  /**
   * Starts taking jobs once the boot check has passed, with concurrency and the
   * job lock from configuration: a worker killed with SIGKILL stops renewing its
   * locks, and after `lockMs` another worker takes its jobs over as stalled.
   */
  protected startTaking(concurrency: number, lockMs: number): void {
    this.worker.concurrency = concurrency;
    this.worker.opts.lockDuration = lockMs;
    this.worker.opts.stalledInterval = lockMs;
    void this.worker.run();
  }

  /** One line per failed attempt: a warning while retries remain, an error on the last. */
  protected reportFailure(
    logger: LoggerService,
    job: Job | undefined,
    error: Error,
    failed: string,
    givenUp: string,
  ): void {
    if (!job) return;
    const final =
      job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    const message = `${failed} ${job.id} (attempt ${job.attemptsMade}): ${error.message}`;
    if (final) logger.error(`${message}; ${givenUp}`);
    else logger.warn(message);
  }
}
