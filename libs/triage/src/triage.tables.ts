import type { EntityTable } from '@suara/core';
import type { Escalation } from './entities/escalation.entity.js';

/** Triage's tables for the typed query builder, inferred from its entities. */
export interface TriageTables {
  escalation: EntityTable<typeof Escalation, 'created_at'>;
}
