import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { RedisModule } from '@suara/core';
import { InstallationSecretsModule } from '@suara/identity';
import { ReferenceModule } from '@suara/reference';
import { FeedbackEvents } from './events/feedback-events.js';
import { ForumService } from './forum/forum.service.js';
import { IntakeService } from './intake.service.js';
import { ReceiptKeys } from './citizen/receipt-keys.js';
import { FeedbackLifecycle } from './lifecycle/feedback-lifecycle.js';
import { ContactErasureService } from './privacy/contact-erasure.service.js';

@Module({
  imports: [ReferenceModule, AuditModule, RedisModule, InstallationSecretsModule],
  providers: [
    IntakeService,
    ForumService,
    FeedbackLifecycle,
    FeedbackEvents,
    ReceiptKeys,
    ContactErasureService,
  ],
  exports: [IntakeService, ForumService, FeedbackLifecycle, FeedbackEvents, ContactErasureService],
})
export class IntakeModule {}
