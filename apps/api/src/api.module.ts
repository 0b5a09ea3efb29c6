import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  RedisClient,
  RedisModule,
  SuaraConfig,
  SuaraConfigModule,
  SuaraLoggerModule,
  stopLog,
} from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { IdentityModule } from '@suara/identity';
import { InsightModule } from '@suara/insight';
import { IntakeModule } from '@suara/intake';
import { NotificationsModule } from '@suara/notifications';
import { PartnersModule } from '@suara/partners';
import { QueueModule } from '@suara/queue';
import { RoutingModule } from '@suara/routing';
import { ReferenceModule } from '@suara/reference';
import { TrainingModule } from '@suara/training';
import { TriageModule } from '@suara/triage';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module.js';
import { RoutingAdminResolver } from './routing/routing-admin.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { CitizenFormController } from './citizen-form/citizen-form.controller.js';
import { ForumResolver } from './forum/forum.resolver.js';
import { OperationLimitsPlugin } from './graphql/operation-limits.plugin.js';
import { DomainErrorFilter } from './graphql/domain-error.filter.js';
import { SuaraGraphQLModule } from './graphql/graphql.config.js';
import { GraphQLWsServer } from './graphql/graphql-ws.server.js';
import { LocalDateScalar } from './graphql/local-date.scalar.js';
import { HealthController } from './health/health.controller.js';

import { RateBudget } from './infra/gql-throttler.guard.js';
import { RedisThrottlerStorage } from './infra/redis-throttler.storage.js';
import { DataRightsResolver } from './intake/data-rights.resolver.js';
import {
  CompetencyGapResolver,
  FeedbackInsightResolver,
  InsightResolver,
} from './insight/insight.resolver.js';
import { IntakeResolver } from './intake/intake.resolver.js';
import { TransparencyModule } from '@suara/transparency';
import { TransparencyResolver } from './transparency/transparency.resolver.js';
import { PhotosController } from './photos/photos.controller.js';
import { StopNotificationsController } from './notifications/stop-notifications.controller.js';
import { Open311HttpModule } from './open311/open311-http.module.js';
import { PartnerKeysResolver } from './partners/partner-keys.resolver.js';
import { FeedbackLoadersModule } from './triage/feedback-loaders.js';
import { FeedbackPubSub } from './triage/feedback-pubsub.js';
import { FeedbackQueueSubscription } from './triage/feedback-queue.subscription.js';
import { FeedbackResolver } from './triage/feedback.resolver.js';
import { ResolutionRatingResolver } from './triage/resolution-rating.resolver.js';
import { TriageResolver } from './triage/triage.resolver.js';
import { PlannerDashboardController } from './planner-dashboard/planner-dashboard.controller.js';
import { TrainingExportController } from './training/training-export.controller.js';
import { TrainingResolver } from './training/training.resolver.js';

@Module({
  imports: [
    SuaraConfigModule,
    SuaraLoggerModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    TerminusModule,
    ReferenceModule,
    IntakeModule,
    IdentityModule,
    RoutingModule,
    TriageModule,
    TrainingModule,
    NotificationsModule,
    FeedbackLoadersModule,
    InsightModule,
    QueueDashboardModule,
    PartnersModule,
    Open311HttpModule,
    TransparencyModule,
    SuaraGraphQLModule,
    ThrottlerModule.forRootAsync({
      inject: [SuaraConfig, RedisClient],
      imports: [RedisModule],
      useFactory: (config: SuaraConfig, redis: RedisClient) => ({
        throttlers: [
          { name: RateBudget.PUBLIC, ttl: 60_000, limit: config.env.PUBLIC_RATE_LIMIT },
          { name: RateBudget.STATUS, ttl: 60_000, limit: config.env.PUBLIC_STATUS_RATE_LIMIT },
        ],
        storage: new RedisThrottlerStorage(redis, config.env.REDIS_PREFIX),
      }),
    }),
  ],
  controllers: [
    HealthController,
    CitizenFormController,
    TrainingExportController,
    PlannerDashboardController,
    StopNotificationsController,
    PhotosController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    stopLog('Suara API berhenti dengan rapi'),
    OperationLimitsPlugin,
    GraphQLWsServer,
    LocalDateScalar,
    IntakeResolver,
    DataRightsResolver,
    TransparencyResolver,
    ForumResolver,
    IdentityResolver,
    RoutingAdminResolver,
    FeedbackResolver,
    TriageResolver,
    ResolutionRatingResolver,
    TrainingResolver,
    InsightResolver,
    CompetencyGapResolver,
    FeedbackInsightResolver,
    FeedbackPubSub,
    FeedbackQueueSubscription,
    PartnerKeysResolver,
  ],
})
export class ApiModule {}
