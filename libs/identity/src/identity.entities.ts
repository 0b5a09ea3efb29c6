import { StaffUser } from './entities/staff-user.entity.js';
import { InstallationSecret } from './secrets/installation-secret.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const IDENTITY_ENTITIES = [StaffUser, InstallationSecret] as const;
