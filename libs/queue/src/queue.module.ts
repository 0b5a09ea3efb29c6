import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { RedisModule, SuaraConfig } from '@suara/core';
import { QueueName } from './jobs.js';
import { OutboxRelay } from './outbox-relay.js';
import { WorkerHeartbeat } from './worker-heartbeat.js';

/**
 * One connection setting for every consumer: workers block on Redis and must
 * wait out an outage (maxRetriesPerRequest null), never give up on a command.
 */
@Module({
  imports: [
    RedisModule,
    BullModule.forRootAsync({
      inject: [SuaraConfig],
      useFactory: (config: SuaraConfig) => ({
        prefix: config.env.REDIS_PREFIX,
        connection: {
          url: config.env.REDIS_URL,
          maxRetriesPerRequest: null,
        },
      }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [OutboxRelay, WorkerHeartbeat],
  exports: [BullModule, OutboxRelay, WorkerHeartbeat],
})
export class QueueModule {}
