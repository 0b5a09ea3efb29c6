import { JOB_QUEUE, JobName, type JobPayloads, type QueueName } from './jobs.js';

/** What runs one job: its payload typed by the job's name. */
export type JobHandler<N extends JobName> = (data: JobPayloads[N]) => Promise<unknown>;

/** The jobs of one queue, each with its handler: a processor declares one of these. */
export type JobHandlers<N extends JobName> = { [K in N]: JobHandler<K> };

/** The job names that go to a queue. */
export type JobsOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never;
}[JobName];

/** One processor's handlers, as the boot check sees them. */
export interface RegisteredHandlers {
  owner: string;
  queue: QueueName;
  handlers: Partial<Record<JobName, unknown>>;
}

/**
 * What is wrong with the handlers a worker registered: a job nobody handles, a
 * job two processors handle, a handler on a queue its job never reaches. Empty
 * when every job has exactly one handler on its own queue.
 */
export function jobHandlerProblems(registered: RegisteredHandlers[]): string[] {
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const owners = registered.filter((r) => typeof r.handlers[name] === 'function');
    if (owners.length === 0)
      problems.push(`no handler for job "${name}" (queue "${JOB_QUEUE[name]}")`);
    if (owners.length > 1)
      problems.push(
        `job "${name}" has ${owners.length} handlers (${owners.map((o) => o.owner).join(', ')})`,
      );
    for (const owner of owners.filter((o) => o.queue !== JOB_QUEUE[name]))
      problems.push(
        `${owner.owner} handles "${name}" on queue "${owner.queue}", but that job goes to "${JOB_QUEUE[name]}"`,
      );
  }
  return problems;
}

/** Stops the boot, as Immich does, rather than fail a job only when it runs. */
export function assertJobHandlers(registered: RegisteredHandlers[]): void {
  const problems = jobHandlerProblems(registered);
  if (problems.length > 0) throw new Error(`The worker cannot start: ${problems.join('; ')}.`);
}
