import { AgencyAnswerMonth } from './entities/agency-answer-month.entity.js';

export const TRANSPARENCY_ENTITIES = [AgencyAnswerMonth] as const;
