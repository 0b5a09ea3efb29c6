import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { IdentityModule } from '@suara/identity';
import { IntakeModule } from '@suara/intake';
import { ReferenceModule } from '@suara/reference';
import { RoutingModule } from '@suara/routing';
import { DeadlineWatchService } from './deadlines/deadline-watch.service.js';
import { ResolutionRatingService } from './lifecycle/resolution-rating.service.js';
import { TriageService } from './lifecycle/triage.service.js';
import { FeedbackLoaders } from './queue/feedback-loaders.js';
import { FeedbackQueueService } from './queue/feedback-queue.service.js';

@Module({
  imports: [IntakeModule, ReferenceModule, AuditModule, IdentityModule, RoutingModule],
  providers: [
    TriageService,
    FeedbackQueueService,
    ResolutionRatingService,
    DeadlineWatchService,
    FeedbackLoaders,
  ],
  exports: [
    TriageService,
    FeedbackQueueService,
    ResolutionRatingService,
    DeadlineWatchService,
    FeedbackLoaders,
  ],
})
export class TriageModule {}
