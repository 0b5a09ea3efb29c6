import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { IdentityModule } from '@suara/identity';
import { ReferenceModule } from '@suara/reference';
import { InsightAnalysisService } from './placement/insight-analysis.service.js';
import { InsightCurationService } from './read/insight-curation.service.js';
import { InsightReadService } from './read/insight-read.service.js';
import { InsightRebuildService } from './rebuild/insight-rebuild.service.js';

@Module({
  imports: [AuditModule, IdentityModule, ReferenceModule],
  providers: [
    InsightAnalysisService,
    InsightReadService,
    InsightCurationService,
    InsightRebuildService,
  ],
  exports: [
    InsightAnalysisService,
    InsightReadService,
    InsightCurationService,
    InsightRebuildService,
  ],
})
export class InsightModule {}
