export * from './database-setup.js';
export * from './database.module.js';
export * from './ensure-database.js';
export * from './entities.js';
export * from './orm.config.js';
