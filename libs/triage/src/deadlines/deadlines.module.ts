import { Module } from '@nestjs/common';
import { IntakeModule } from '@suara/intake';
import { DeadlineWatchService } from './deadline-watch.service.js';

/** The deadline watch alone: what the worker runs of triage, without the staff worklist. */
@Module({
  imports: [IntakeModule],
  providers: [DeadlineWatchService],
  exports: [DeadlineWatchService],
})
export class TriageDeadlinesModule {}
