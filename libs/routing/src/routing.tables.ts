import type { EntityTable } from '@suara/core';
import type { RoutingDecision } from './entities/routing-decision.entity.js';
import type { RoutingModel } from './entities/routing-model.entity.js';

/** Routing's tables for the typed query builder, inferred from its entities. */
export interface RoutingTables {
  routing_decision: EntityTable<typeof RoutingDecision, 'created_at'>;
  routing_model: EntityTable<typeof RoutingModel, 'version' | 'active' | 'trained_at'>;
}
