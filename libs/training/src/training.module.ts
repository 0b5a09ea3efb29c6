import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { InsightModule } from '@suara/insight';
import { ReferenceModule } from '@suara/reference';
import { TRAINING_SETTINGS, trainingSettingsFrom } from './config/training.config.js';
import { TrainingEffectivenessService } from './effectiveness/training-effectiveness.service.js';
import { TrainingExportService } from './exports/training-export.service.js';
import { TrainingPlansService } from './plans/training-plans.service.js';
import { TrainingYearService } from './plans/training-year.service.js';
import { EVIDENCE_SOURCE } from './sources/evidence-source.port.js';
import { GAP_SOURCE } from './sources/gap-source.port.js';
import { InsightEvidenceSource, InsightGapSource } from './sources/insight-sources.js';
import { TrainingSuggestionService } from './suggestion/training-suggestion.service.js';
import { AgencyWorkforceService } from './workforce/agency-workforce.service.js';

const SERVICES = [
  TrainingPlansService,
  TrainingYearService,
  TrainingSuggestionService,
  TrainingEffectivenessService,
  TrainingExportService,
  AgencyWorkforceService,
];

/**
 * Training plans and their evaluation. Gaps and evidence come through two ports
 * (GAP_SOURCE, EVIDENCE_SOURCE) filled by insight's public services, so the plan
 * logic reads as training's own and insight stays the only writer of gaps.
 */
@Module({
  imports: [ReferenceModule, AuditModule, InsightModule],
  providers: [
    ...SERVICES,
    { provide: TRAINING_SETTINGS, useFactory: () => trainingSettingsFrom(process.env) },
    { provide: GAP_SOURCE, useClass: InsightGapSource },
    { provide: EVIDENCE_SOURCE, useClass: InsightEvidenceSource },
  ],
  exports: [...SERVICES, TRAINING_SETTINGS],
})
export class TrainingModule {}
