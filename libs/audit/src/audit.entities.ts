import { AuditEntry } from './entities/audit-entry.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const AUDIT_ENTITIES = [AuditEntry] as const;
