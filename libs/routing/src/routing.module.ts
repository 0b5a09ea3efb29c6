import { Module } from '@nestjs/common';
import { IntakeModule } from '@suara/intake';
import { QueueModule } from '@suara/queue';
import { ReferenceModule } from '@suara/reference';
import { RouterModelService } from './router-model.service.js';
import { RoutingAdminService } from './routing-admin.service.js';
import { RoutingService } from './routing.service.js';

@Module({
  imports: [IntakeModule, ReferenceModule, QueueModule],
  providers: [RoutingService, RouterModelService, RoutingAdminService],
  exports: [RoutingService, RouterModelService, RoutingAdminService],
})
export class RoutingModule {}
