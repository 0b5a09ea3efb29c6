import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { IdentityModule } from '@suara/identity';
import { ReferenceModule } from '@suara/reference';
import { InsightAnalysisService } from './placement/insight-analysis.service.js';

@Module({
  imports: [AuditModule, IdentityModule, ReferenceModule],
  providers: [InsightAnalysisService],
  exports: [InsightAnalysisService],
})
export class InsightModule {}
