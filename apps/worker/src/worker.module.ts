import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SuaraConfigModule, SuaraLoggerModule, stopLog } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { IntakeModule } from '@suara/intake';
import { InsightModule } from '@suara/insight';
import { NotificationsModule } from '@suara/notifications';
import { QueueModule } from '@suara/queue';
import { RoutingModule } from '@suara/routing';
import { TransparencyModule } from '@suara/transparency';
import { TriageDeadlinesModule } from '@suara/triage';
import { HeartbeatRunner } from './heartbeat.runner.js';
import { JobHandlerCheck } from './jobs/job-handler.check.js';
import { OutboxRelayRunner } from './outbox-relay.runner.js';
import { InsightProcessor } from './processors/insight.processor.js';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';
import { NotificationProcessor } from './processors/notification.processor.js';
import { RoutingProcessor } from './processors/routing.processor.js';

/**
 * The worker: no HTTP, one processor per queue, the outbox relay and its heartbeat.
 * It imports only what its jobs run: no identity (JWT), no staff worklist.
 */
@Module({
  imports: [
    SuaraConfigModule,
    SuaraLoggerModule,
    DatabaseModule,
    QueueModule,
    IntakeModule,
    RoutingModule,
    TriageDeadlinesModule,
    TransparencyModule,
    NotificationsModule,
    InsightModule,
    DiscoveryModule,
  ],
  providers: [
    JobHandlerCheck,
    RoutingProcessor,
    MaintenanceProcessor,
    NotificationProcessor,
    InsightProcessor,
    OutboxRelayRunner,
    HeartbeatRunner,
    stopLog('Suara worker berhenti dengan rapi'),
  ],
})
export class WorkerModule {}
