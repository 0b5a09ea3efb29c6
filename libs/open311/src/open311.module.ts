import { Module } from '@nestjs/common';
import { IntakeModule } from '@suara/intake';
import { PartnersModule } from '@suara/partners';
import { ReferenceModule } from '@suara/reference';
import { Open311Service } from './open311.service.js';

@Module({
  imports: [IntakeModule, PartnersModule, ReferenceModule],
  providers: [Open311Service],
  exports: [Open311Service],
})
export class Open311Module {}
