import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { RedisClient, SuaraConfig } from '@suara/core';

/** What a worker writes with each beat; the pid and host tell an operator which one it was. */
export interface WorkerBeat {
  at: string;
  pid: number;
  host: string;
}

/** Missed beats after which a worker counts as gone. */
const BEATS_TO_EXPIRE = 3;

/**
 * Tells the API whether any worker has been alive recently: each worker writes one
 * shared key every WORKER_HEARTBEAT_MS with a time-to-live of three beats, so the
 * key exists exactly while some worker kept beating. Redis expires it, so no clock
 * of any process is compared with another's.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisClient,
    private readonly config: SuaraConfig,
  ) {}

  private get key(): string {
    return `${this.config.env.REDIS_PREFIX}:worker:heartbeat`;
  }

  /** In the worker: beat now and every WORKER_HEARTBEAT_MS until shutdown. */
  start(): void {
    const interval = this.config.env.WORKER_HEARTBEAT_MS;
    const beat = () => {
      const value: WorkerBeat = {
        at: new Date().toISOString(),
        pid: process.pid,
        host: hostname(),
      };
      // A beat lost while Redis is away is what the key's expiry reports.
      this.redis
        .set(this.key, JSON.stringify(value), 'PX', interval * BEATS_TO_EXPIRE)
        .catch(() => undefined);
    };
    beat();
    this.timer = setInterval(beat, interval);
  }

  /** The latest beat of any worker still alive, or null when none beat recently. */
  async latest(): Promise<WorkerBeat | null> {
    const value = await this.redis.get(this.key);
    return value ? (JSON.parse(value) as WorkerBeat) : null;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
