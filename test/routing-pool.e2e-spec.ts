import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { SuaraConfig, SuaraConfigModule, SuaraLoggerModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { QueueModule } from '@suara/queue';
import { RoutingModule, RoutingService } from '@suara/routing';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

/**
 * A regression: routing jobs that took their row lock and then waited for a
 * second connection (the reference data's first read) starved a pool no larger
 * than the worker's concurrency, and the worker routed nothing, for ever.
 */
describe('routing many items at once through a small connection pool', () => {
  let stack: SuaraTestStack;
  let routingContext: TestingModule;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    // The worker's services on a pool of three, with nothing cached yet.
    routingContext = await Test.createTestingModule({
      imports: [SuaraConfigModule, SuaraLoggerModule, DatabaseModule, QueueModule, RoutingModule],
    })
      .overrideProvider(SuaraConfig)
      .useValue(
        SuaraConfig.fromEnvironment({
          DATABASE_URL: stack.config.env.DATABASE_URL,
          REDIS_PREFIX: stack.config.env.REDIS_PREFIX,
          DB_POOL_MAX: '3',
          WORKER_CONCURRENCY: '2',
        }),
      )
      .compile();
    await routingContext.init();
  });
  afterAll(async () => {
    await routingContext?.close();
    await stack.stop();
  });

  it('routes them all with a cold cache, each exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await graphql(
        stack.url,
        'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }',
        {
          i: { cityCode: 'KTC', kind: 'COMPLAINT', text: `Sampah menumpuk di pasar, laporan ${i}` },
        },
      );
      const [row] = await stack.sql<{ id: string }>(
        'select id from feedback where tracking_code = ?',
        [res.data!.submitFeedback.trackingCode],
      );
      ids.push(row.id);
    }
    const routing = routingContext.get(RoutingService);
    const outcomes = await Promise.all(ids.map((id) => routing.route(id)));
    expect(outcomes.every((o) => o === 'ROUTED' || o === 'NEEDS_TRIAGE')).toBe(true);
    expect(await Promise.all(ids.map((id) => routing.route(id)))).toEqual(
      ids.map(() => 'ALREADY_ROUTED'),
    );
    const [counts] = await stack.sql<{ decisions: number; items: number }>(
      `select count(*)::int as decisions, count(distinct feedback_id)::int as items
         from routing_decision where feedback_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    expect(counts).toEqual({ decisions: 30, items: 30 });
  });
});
