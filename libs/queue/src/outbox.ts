import {
  type AliasableExpression,
  type ExpressionBuilder,
  type InsertQueryBuilder,
  type InsertResult,
  type QueryCreator,
  type SelectQueryBuilder,
  expressionBuilder,
} from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import { type EntityTable, insertSelect } from '@suara/core';
import { OutboxMessage } from './entities/outbox-message.entity.js';
import { type ItemJobName, JOB_KEY, type JobPayloads, jobIdOf } from './jobs.js';

export interface QueueTables {
  outbox_message: EntityTable<typeof OutboxMessage, 'id' | 'created_at'>;
}

/** A job's payload as SQL expressions over the caller's rows. */
export type JobPayloadExpressions<N extends ItemJobName> = {
  [K in keyof JobPayloads[N]]: AliasableExpression<JobPayloads[N][K]>;
};

/**
 * Records a job for each of the caller's rows in the outbox, as part of the
 * statement that calls for them (a CTE of the caller's query): the jobs commit
 * with the change or not at all, and the relay hands them to BullMQ afterwards.
 * The job id follows the job-id rule (JOB_KEY). With `unlessWaiting`, rows whose
 * job still waits in the outbox are skipped.
 */
export function insertJobs<
  N extends ItemJobName,
  DB extends QueueTables,
  SDB,
  STB extends keyof SDB,
>(
  db: QueryCreator<DB>,
  name: N,
  rows: SelectQueryBuilder<SDB, STB, object>,
  payload: (eb: ExpressionBuilder<SDB, STB>) => JobPayloadExpressions<N>,
  options: { unlessWaiting?: boolean } = {},
): InsertQueryBuilder<DB, 'outbox_message', InsertResult> {
  const eb = expressionBuilder(rows);
  const values = payload(eb) as Record<string, AliasableExpression<unknown>>;
  const jobId = eb.cast<string>(values[JOB_KEY[name]], 'text');
  const source = options.unlessWaiting
    ? (rows as unknown as SelectQueryBuilder<QueueTables, never, object>).where(
        ({ not, exists, selectFrom, lit }) =>
          not(
            exists(
              selectFrom('outbox_message as o')
                .select(lit(1).as('one'))
                .where('o.job_id', '=', jobId),
            ),
          ),
      )
    : rows;
  return insertSelect(
    db as unknown as QueryCreator<QueueTables>,
    'outbox_message',
    source,
    (eb) => ({
      job_name: eb.val(name),
      job_id: jobId,
      payload: jsonBuildObject(values),
    }),
  ) as unknown as InsertQueryBuilder<DB, 'outbox_message', InsertResult>;
}

/**
 * The outbox row of one job, for a change made through the unit of work: persist
 * it with the change (em.persist) so both commit together. The job id follows
 * the job-id rule (JOB_KEY).
 */
export function outboxMessage<N extends ItemJobName>(
  name: N,
  payload: JobPayloads[N],
): OutboxMessage {
  return new OutboxMessage(name, jobIdOf(name, payload), { ...payload });
}
