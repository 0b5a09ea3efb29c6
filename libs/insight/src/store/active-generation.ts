import { expressionBuilder } from 'kysely';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import type { InsightTables } from '../insight.tables.js';

/**
 * The generation everybody reads, as a subquery of the statement that reads it:
 * a rebuild's switch-over is one statement, so a read sees the old generation
 * or the new one, never a mix.
 */
export const activeGeneration = expressionBuilder<InsightTables, never>()
  .selectFrom('insight_generation')
  .select('id')
  .where('status', '=', GenerationStatus.ACTIVE);
