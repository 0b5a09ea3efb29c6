import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { IntakeModule } from '@suara/intake';
import { ReferenceModule } from '@suara/reference';
import { RoutingModule } from '@suara/routing';
import { FeedbackAccessService } from './access/feedback-access.service.js';
import { TriageDeadlinesModule } from './deadlines/deadlines.module.js';
import { ResolutionRatingService } from './lifecycle/resolution-rating.service.js';
import { TriageService } from './lifecycle/triage.service.js';
import { WorklistReads } from './worklist/worklist-reads.js';
import { FeedbackQueueService } from './worklist/feedback-queue.service.js';

@Module({
  // Identity's rules are plain functions: no IdentityModule (and no JWT) is needed here.
  imports: [IntakeModule, ReferenceModule, AuditModule, RoutingModule, TriageDeadlinesModule],
  providers: [
    FeedbackAccessService,
    TriageService,
    FeedbackQueueService,
    ResolutionRatingService,
    WorklistReads,
  ],
  exports: [
    FeedbackAccessService,
    TriageService,
    FeedbackQueueService,
    ResolutionRatingService,
    WorklistReads,
    TriageDeadlinesModule,
  ],
})
export class TriageModule {}
