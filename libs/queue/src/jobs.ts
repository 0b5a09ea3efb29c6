import type { JobsOptions } from 'bullmq';

/** Queue names are stored in Redis keys: renaming one strands the jobs already queued. */
export enum QueueName {
  Routing = 'routing',
  /** Housekeeping on a schedule: sweeping, retraining, deadlines. */
  Maintenance = 'maintenance',
}

/** Job names are stored with each job: never derive them from class names. */
export enum JobName {
  RouteFeedback = 'route-feedback',
  SweepUnrouted = 'sweep-unrouted',
  RetrainRouter = 'retrain-router',
  WatchDeadlines = 'watch-deadlines',
}

export interface JobPayloads {
  [JobName.RouteFeedback]: { feedbackId: string };
  [JobName.SweepUnrouted]: Record<string, never>;
  [JobName.RetrainRouter]: { reason?: string };
  [JobName.WatchDeadlines]: Record<string, never>;
}

export const JOB_QUEUE = {
  [JobName.RouteFeedback]: QueueName.Routing,
  [JobName.SweepUnrouted]: QueueName.Maintenance,
  [JobName.RetrainRouter]: QueueName.Maintenance,
  [JobName.WatchDeadlines]: QueueName.Maintenance,
} as const satisfies Record<JobName, QueueName>;

/**
 * Delivery options for every job, decided in one place. Failed jobs are kept so
 * an admin can see and retry them; completed ones only long enough to absorb a
 * relay that hands the same item over twice (the job id de-duplicates).
 */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.RouteFeedback]: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: false,
  },
  [JobName.SweepUnrouted]: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  [JobName.RetrainRouter]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: 100,
    removeOnFail: 100,
  },
  [JobName.WatchDeadlines]: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
};

/** A job's options with the deployment's retry delay (JOB_BACKOFF_MS). */
export function jobOptions(name: JobName, backoffMs: number): JobsOptions {
  const options = JOB_OPTIONS[name];
  return options.backoff
    ? { ...options, backoff: { type: 'exponential', delay: backoffMs } }
    : options;
}

/**
 * The job-id rule, in one place: a job about one item takes the item's id (this
 * payload field) as its job id, so it is queued once. BullMQ ignores a job id it
 * still holds, the sweeper skips items whose job waits in the outbox, and an
 * admin finds an item's job by the item's id.
 */
export const JOB_KEY = {
  [JobName.RouteFeedback]: 'feedbackId',
} as const satisfies { [N in JobName]?: keyof JobPayloads[N] };

/** Jobs about one item, queued once per item. */
export type ItemJobName = keyof typeof JOB_KEY;

export function jobIdOf<N extends ItemJobName>(name: N, payload: JobPayloads[N]): string {
  return String(payload[JOB_KEY[name]]);
}
