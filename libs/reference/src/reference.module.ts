import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from './reference-data.loader.js';
import { ReferenceService } from './reference.service.js';
import { ServiceDeadlines } from './calendar/service-deadlines.js';

@Module({
  providers: [ReferenceService, ReferenceDataLoader, ServiceDeadlines],
  exports: [ReferenceService, ReferenceDataLoader, ServiceDeadlines],
})
export class ReferenceModule {}
