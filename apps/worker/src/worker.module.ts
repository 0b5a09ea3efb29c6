import { Module } from '@nestjs/common';
import { SuaraConfigModule, SuaraLoggerModule, stopLog } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { NotificationsModule } from '@suara/notifications';
import { QueueModule } from '@suara/queue';
import { RoutingModule } from '@suara/routing';
import { TriageModule } from '@suara/triage';
import { HeartbeatRunner } from './heartbeat.runner.js';
import { OutboxRelayRunner } from './outbox-relay.runner.js';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';
import { NotificationProcessor } from './processors/notification.processor.js';
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
    NotificationsModule,
  ],
  providers: [
    RoutingProcessor,
    MaintenanceProcessor,
    NotificationProcessor,
    OutboxRelayRunner,
    HeartbeatRunner,
    stopLog('Suara worker berhenti dengan rapi'),
  ],
})
export class WorkerModule {}
