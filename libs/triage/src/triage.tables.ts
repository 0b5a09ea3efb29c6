import type { EntityTable } from '@suara/core';
import type { Escalation } from './entities/escalation.entity.js';
import type { ResolutionRating } from './entities/resolution-rating.entity.js';

/** Triage's tables for the typed query builder, inferred from its entities. */
export interface TriageTables {
  escalation: EntityTable<typeof Escalation, 'created_at'>;
  resolution_rating: EntityTable<typeof ResolutionRating, 'created_at'>;
}
