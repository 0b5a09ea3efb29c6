import { RoutingDecision } from './entities/routing-decision.entity.js';
import { RoutingExample, RoutingPhrase } from './entities/routing-example.entity.js';
import { RoutingModel } from './entities/routing-model.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const ROUTING_ENTITIES = [
  RoutingDecision,
  RoutingModel,
  RoutingExample,
  RoutingPhrase,
] as const;
