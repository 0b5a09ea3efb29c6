import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { IdentityModule } from '@suara/identity';
import { IntakeModule } from '@suara/intake';
import { ReferenceModule } from '@suara/reference';
import { RoutingModule } from '@suara/routing';
import { FeedbackAccessService } from './access/feedback-access.service.js';
import { DeadlineWatchService } from './deadlines/deadline-watch.service.js';
import { ResolutionRatingService } from './lifecycle/resolution-rating.service.js';
import { TriageService } from './lifecycle/triage.service.js';
import { FeedbackLoaders } from './worklist/feedback-loaders.js';
import { FeedbackQueueService } from './worklist/feedback-queue.service.js';

@Module({
  imports: [IntakeModule, ReferenceModule, AuditModule, IdentityModule, RoutingModule],
  providers: [
    FeedbackAccessService,
    TriageService,
    FeedbackQueueService,
    ResolutionRatingService,
    DeadlineWatchService,
    FeedbackLoaders,
  ],
  exports: [
    FeedbackAccessService,
    TriageService,
    FeedbackQueueService,
    ResolutionRatingService,
    DeadlineWatchService,
    FeedbackLoaders,
  ],
})
export class TriageModule {}
