import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from './reference-data.loader.js';
import { ReferenceService } from './reference.service.js';

@Module({
  providers: [ReferenceService, ReferenceDataLoader],
  exports: [ReferenceService, ReferenceDataLoader],
})
export class ReferenceModule {}
