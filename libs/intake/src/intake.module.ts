import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { ReferenceModule } from '@suara/reference';
import { ForumService } from './forum/forum.service.js';
import { IntakeService } from './intake.service.js';
import { FeedbackLifecycle } from './lifecycle/feedback-lifecycle.js';

@Module({
  imports: [ReferenceModule, AuditModule],
  providers: [IntakeService, ForumService, FeedbackLifecycle],
  exports: [IntakeService, ForumService, FeedbackLifecycle],
})
export class IntakeModule {}
