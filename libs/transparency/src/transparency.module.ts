import { Module } from '@nestjs/common';
import { ReferenceModule } from '@suara/reference';
import { AnswerStatsService } from './answer-stats/answer-stats.service.js';
import { PublicReportsService } from './public-reports/public-reports.service.js';

/**
 * The public record: how each agency answers, and the reports anyone may read.
 * It only reads intake's and triage's tables; it writes its own roll-up.
 */
@Module({
  imports: [ReferenceModule],
  providers: [AnswerStatsService, PublicReportsService],
  exports: [AnswerStatsService, PublicReportsService],
})
export class TransparencyModule {}
