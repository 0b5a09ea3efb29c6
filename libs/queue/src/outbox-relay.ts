import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { SuaraConfig } from '@suara/core';
import { JOB_QUEUE, JobName, QueueName, jobOptions } from './jobs.js';
import type { QueueTables } from './outbox.js';

/**
 * Moves outbox rows to BullMQ. Rows are claimed with SKIP LOCKED and deleted in
 * the same transaction as the hand-over, so several relays can run side by side,
 * and a relay that dies or meets a Redis outage leaves its rows for the next try.
 * A row handed over twice (commit lost after the add) is harmless: the job id is
 * the item's id, and the worker's processing is idempotent.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<QueueName, Queue>;
  private running?: Promise<void>;
  private stopping = new AbortController();
  private redisDown = false;

  constructor(
    private readonly em: EntityManager,
    private readonly config: SuaraConfig,
  ) {
    // Producers of its own that fail fast while Redis is away, instead of queueing
    // commands in memory: the outbox row is the safe place for a job meanwhile.
    const connection = {
      url: config.env.REDIS_URL,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    };
    this.queues = Object.fromEntries(
      Object.values(QueueName).map((name) => [
        name,
        new Queue(name, { connection, prefix: config.env.REDIS_PREFIX }),
      ]),
    ) as Record<QueueName, Queue>;
    for (const queue of Object.values(this.queues)) queue.on('error', () => undefined);
  }

  /** Hands over up to `limit` rows; returns how many. Throws when Redis refuses. */
  async relayOnce(limit = 1_000): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const db = tx.getKysely<QueueTables>();
      const rows = await db
        .selectFrom('outbox_message')
        .select(['id', 'job_name', 'job_id', 'payload'])
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, typeof rows>();
      for (const row of rows) {
        const queue = JOB_QUEUE[row.job_name as JobName];
        if (!queue) throw new Error(`Outbox row ${row.id} names an unknown job ${row.job_name}`);
        const batch = byQueue.get(queue) ?? [];
        batch.push(row);
        byQueue.set(queue, batch);
      }
      for (const [queue, batch] of byQueue) {
        await this.queues[queue].addBulk(
          batch.map((r) => ({
            name: r.job_name,
            data: r.payload,
            opts: {
              ...jobOptions(r.job_name as JobName, this.config.env.JOB_BACKOFF_MS),
              jobId: r.job_id,
            },
          })),
        );
      }
      await db
        .deleteFrom('outbox_message')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
  }

  /** Relays until stopped: straight on while there is a backlog, polling when idle. */
  start(): void {
    if (this.running) return;
    this.stopping = new AbortController();
    const pollMs = this.config.env.OUTBOX_POLL_MS;
    this.running = (async () => {
      while (!this.stopping.signal.aborted) {
        let wait = pollMs;
        try {
          const moved = await this.relayOnce();
          if (this.redisDown) this.logger.log('Queue reachable again; relaying the outbox');
          this.redisDown = false;
          if (moved > 0) wait = 0;
        } catch (error) {
          if (!this.redisDown) {
            this.logger.warn(`Outbox relay paused, will retry: ${(error as Error).message}`);
          }
          this.redisDown = true;
          wait = Math.max(pollMs, 1_000);
        }
        if (wait > 0)
          await sleep(wait, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    this.running = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}
