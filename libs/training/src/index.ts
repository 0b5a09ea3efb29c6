export * from './config/training.config.js';
export * from './effectiveness/effectiveness.js';
export * from './effectiveness/training-effectiveness.service.js';
export * from './entities/agency-workforce.entity.js';
export * from './entities/training-plan.entity.js';
export * from './exports/training-export.service.js';
export * from './plans/plan-input.rules.js';
export * from './plans/plan-lifecycle.js';
export * from './plans/training-plans.service.js';
export * from './plans/training-year.service.js';
export * from './sources/evidence-source.port.js';
export * from './sources/gap-source.port.js';
export * from './suggestion/suggest-plans.js';
export * from './suggestion/training-suggestion.service.js';
export * from './training.enums.js';
export * from './training.errors.js';
export * from './training.module.js';
export * from './training.policy.js';
export * from './training.views.js';
export * from './workforce/agency-workforce.service.js';

import { AgencyWorkforce } from './entities/agency-workforce.entity.js';
import { TrainingPlan } from './entities/training-plan.entity.js';

/** The tables training owns, for libs/database's entity list. */
export const TRAINING_ENTITIES = [TrainingPlan, AgencyWorkforce];
