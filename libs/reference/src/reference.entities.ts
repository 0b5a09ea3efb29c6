import { Agency } from './entities/agency.entity.js';
import { City } from './entities/city.entity.js';
import { Competency } from './entities/competency.entity.js';
import { ComplaintTheme } from './entities/complaint-theme.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const REFERENCE_ENTITIES = [City, Agency, Competency, ComplaintTheme] as const;
