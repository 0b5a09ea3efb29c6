import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
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
}
