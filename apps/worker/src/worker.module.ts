import { Module } from '@nestjs/common';
import { SuaraConfigModule, SuaraLoggerModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { InsightModule } from '@suara/insight';
import { QueueModule } from '@suara/queue';
import { RoutingModule } from '@suara/routing';
import { TriageModule } from '@suara/triage';
import { HeartbeatRunner } from './heartbeat.runner.js';
import { OutboxRelayRunner } from './outbox-relay.runner.js';
import { InsightProcessor } from './processors/insight.processor.js';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';
import { RoutingProcessor } from './processors/routing.processor.js';

/** The worker: no HTTP, one processor per queue, the outbox relay and its heartbeat. */
@Module({
  imports: [
    SuaraConfigModule,
    SuaraLoggerModule,
    DatabaseModule,
    QueueModule,
    RoutingModule,
    TriageModule,
    InsightModule,
  ],
  providers: [
    RoutingProcessor,
    InsightProcessor,
    MaintenanceProcessor,
    OutboxRelayRunner,
    HeartbeatRunner,
  ],
})
export class WorkerModule {}
