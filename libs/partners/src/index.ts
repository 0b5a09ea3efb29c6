export * from './entities/partner-api-key.entity.js';
export * from './partner-keys.service.js';
export * from './partners.errors.js';
export * from './partners.module.js';
export * from './partners.views.js';

import { PartnerApiKey } from './entities/partner-api-key.entity.js';

/** The partners context's entities, for the ORM's list. */
export const PARTNER_ENTITIES = [PartnerApiKey];
