import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { RedisModule } from '@suara/core';
import { PartnerKeysService } from './partner-keys.service.js';
import { PartnerRateLimit } from './partner-rate-limit.js';

@Module({
  imports: [AuditModule, RedisModule],
  providers: [PartnerKeysService, PartnerRateLimit],
  exports: [PartnerKeysService],
})
export class PartnersModule {}
