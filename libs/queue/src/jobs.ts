import type { JobsOptions } from 'bullmq';

/** Queue names are stored in Redis keys: renaming one strands the jobs already queued. */
export enum QueueName {
  Routing = 'routing',
  /** Housekeeping on a schedule: sweeping, retraining, deadlines. */
  Maintenance = 'maintenance',
  /** Messages to citizens about their reports. */
  Notifications = 'notifications',
  /** Themes and recurring clusters, after an item got (or changed) its agency. */
  Insight = 'insight',
}

/** Job names are stored with each job: never derive them from class names. */
export enum JobName {
  RouteFeedback = 'route-feedback',
  SweepUnrouted = 'sweep-unrouted',
  RetrainRouter = 'retrain-router',
  WatchDeadlines = 'watch-deadlines',
  NotifyCitizen = 'notify-citizen',
  EraseExpiredContacts = 'erase-expired-contacts',
  RefreshAnswerStats = 'refresh-answer-stats',
  AnalyseFeedback = 'analyse-feedback',
}

export interface JobPayloads {
  [JobName.RouteFeedback]: { feedbackId: string };
  [JobName.SweepUnrouted]: Record<string, never>;
  [JobName.RetrainRouter]: { reason?: string };
  [JobName.WatchDeadlines]: Record<string, never>;
  [JobName.EraseExpiredContacts]: Record<string, never>;
  [JobName.RefreshAnswerStats]: Record<string, never>;
  /**
   * One thing to tell a report's citizen. Ids and facts only: the address is read
   * when the message is sent, so an erased contact is in no queue or outbox.
   */
  [JobName.NotifyCitizen]: {
    /** `notify:<feedbackId>:<version>`: the change it announces, so it is sent once. */
    key: string;
    feedbackId: string;
    /** What happened (CitizenNotice of @suara/intake). */
    notice: string;
    /** When it happened, ISO 8601. */
    at: string;
  };
  /**
   * `revision` is `analyse:<id>:<version>`: every change of agency is analysed
   * once, and a later change is not swallowed by the job of an earlier one. Three
   * parts, like a notice's key, because BullMQ refuses a job id with one colon.
   */
  [JobName.AnalyseFeedback]: { feedbackId: string; revision: string };
}

export const JOB_QUEUE = {
  [JobName.RouteFeedback]: QueueName.Routing,
  [JobName.SweepUnrouted]: QueueName.Maintenance,
  [JobName.RetrainRouter]: QueueName.Maintenance,
  [JobName.WatchDeadlines]: QueueName.Maintenance,
  [JobName.NotifyCitizen]: QueueName.Notifications,
  [JobName.EraseExpiredContacts]: QueueName.Maintenance,
  [JobName.RefreshAnswerStats]: QueueName.Maintenance,
  [JobName.AnalyseFeedback]: QueueName.Insight,
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
  [JobName.EraseExpiredContacts]: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  [JobName.RefreshAnswerStats]: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  // Sixteen tries at the default 1 s doubling wait out a mail server that is down
  // for about nine hours; the last failure stays listed for an admin.
  [JobName.NotifyCitizen]: {
    attempts: 16,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: false,
  },
  [JobName.AnalyseFeedback]: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 3600, count: 50_000 },
    removeOnFail: false,
  },
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
 * payload field) as its job id, so it is queued once; a job about one change of
 * an item takes the change's key. BullMQ ignores a job id it
 * still holds, the sweeper skips items whose job waits in the outbox, and an
 * admin finds an item's job by the item's id. Insight's analysis takes the
 * item's revision (id and version) instead: each change of agency is its own job.
 */
export const JOB_KEY = {
  [JobName.RouteFeedback]: 'feedbackId',
  [JobName.NotifyCitizen]: 'key',
  [JobName.AnalyseFeedback]: 'revision',
} as const satisfies { [N in JobName]?: keyof JobPayloads[N] };

/** Jobs about one item, queued once per item. */
export type ItemJobName = keyof typeof JOB_KEY;

export function jobIdOf<N extends ItemJobName>(name: N, payload: JobPayloads[N]): string {
  return String((payload as Record<string, unknown>)[JOB_KEY[name]]);
}
