import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { RedisModule } from '@suara/core';
import { ReferenceModule } from '@suara/reference';
import { FeedbackEvents } from './events/feedback-events.js';
import { ForumService } from './forum/forum.service.js';
import { IntakeService } from './intake.service.js';
import { FeedbackLifecycle } from './lifecycle/feedback-lifecycle.js';

@Module({
  imports: [ReferenceModule, AuditModule, RedisModule],
  providers: [IntakeService, ForumService, FeedbackLifecycle, FeedbackEvents],
  exports: [IntakeService, ForumService, FeedbackLifecycle, FeedbackEvents],
})
export class IntakeModule {}
