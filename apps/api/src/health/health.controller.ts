import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { RedisClient } from '@suara/core';
import { WorkerHeartbeat } from '@suara/queue';

interface WorkerHealth {
  status: 'up' | 'down' | 'unknown';
  lastSeenAt?: string;
}

/**
 * 200 when PostgreSQL and Redis both answer, 503 with the failing part named
 * otherwise. Whether a worker beat recently is reported beside them, never
 * counted: submissions wait in the outbox for a worker, so the API stays ready
 * without one.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly em: EntityManager,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
    private readonly heartbeat: WorkerHeartbeat,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    const worker = this.worker(); // never rejects, so it can run beside the checks
    try {
      return { ...(await this.readiness()), worker: await worker };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw new ServiceUnavailableException({
        ...(error.getResponse() as object),
        worker: await worker,
      });
    }
  }

  private readiness() {
    return this.health.check([
      // A real round trip: the ORM connects lazily, so "connected" alone says little.
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.em.getConnection().execute('select 1');
          })
          .withTimeout(1_500),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(1_500),
    ]);
  }

  /** Only whether and when: a worker's pid and host are not for the public. */
  private async worker(): Promise<WorkerHealth> {
    try {
      const beat = await this.heartbeat.latest();
      return beat ? { status: 'up', lastSeenAt: beat.at } : { status: 'down' };
    } catch {
      return { status: 'unknown' };
    }
  }
}
