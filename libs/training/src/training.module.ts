import { Module } from '@nestjs/common';
import { AuditModule } from '@suara/audit';
import { ReferenceModule } from '@suara/reference';
import { TRAINING_SETTINGS, trainingSettingsFrom } from './config/training.config.js';
import { TrainingEffectivenessService } from './effectiveness/training-effectiveness.service.js';
import { TrainingExportService } from './exports/training-export.service.js';
import { TrainingPlansService } from './plans/training-plans.service.js';
import { TrainingYearService } from './plans/training-year.service.js';
import { EVIDENCE_SOURCE, NoEvidenceSource } from './sources/evidence-source.port.js';
import { GAP_SOURCE, NoGapSource } from './sources/gap-source.port.js';
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
 * (GAP_SOURCE, EVIDENCE_SOURCE) that insight's services fill; until they are
 * bound, the installation truthfully has no gaps and no evidence.
 */
@Module({
  imports: [ReferenceModule, AuditModule],
  providers: [
    ...SERVICES,
    { provide: TRAINING_SETTINGS, useFactory: () => trainingSettingsFrom(process.env) },
    { provide: GAP_SOURCE, useClass: NoGapSource },
    { provide: EVIDENCE_SOURCE, useClass: NoEvidenceSource },
  ],
  exports: [...SERVICES, TRAINING_SETTINGS],
})
export class TrainingModule {}
