import { Escalation } from './entities/escalation.entity.js';
import { ResolutionRating } from './entities/resolution-rating.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const TRIAGE_ENTITIES = [Escalation, ResolutionRating] as const;
