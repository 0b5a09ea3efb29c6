import { Controller, Get } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { RedisClient } from '@suara/core';

/** 200 when PostgreSQL and Redis both answer, 503 with the failing part named otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly em: EntityManager,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @HealthCheck()
  check() {
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
}
