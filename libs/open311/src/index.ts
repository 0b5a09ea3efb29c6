export * from './entities/open311-request.entity.js';
export * from './georeport-params.js';
export * from './georeport-xml.js';
export * from './georeport.views.js';
export * from './open311.errors.js';
export * from './open311.module.js';
export * from './open311.service.js';
export * from './service-catalog.js';

import { Open311Request } from './entities/open311-request.entity.js';

/** The Open311 context's entities, for the ORM's list. */
export const OPEN311_ENTITIES = [Open311Request];
