import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage } from './entities/outbox-message.entity.js';
import { JobName, type JobPayloads, jobIdOf } from './jobs.js';

/**
 * Records that a job must run, inside the caller's unit of work. Nothing reaches
 * Redis here: the relay does that after the transaction commits.
 */
export function scheduleJob<N extends JobName>(
  em: EntityManager,
  name: N,
  payload: JobPayloads[N],
): void {
  em.persist(new OutboxMessage(name, jobIdOf(name, payload), { ...payload }));
}
