export * from './audit.module.js';
export * from './audit.service.js';
export * from './entities/audit-entry.entity.js';
export * from './audit-entries.writer.js';
export * from './audit.entities.js';
