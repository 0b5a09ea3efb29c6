export * from './config/env.schema.js';
export * from './config/suara-config.module.js';
export * from './errors/domain-error.js';
export * from './logging/logger.module.js';
export * from './redis/redis-client.js';
export * from './redis/redis.module.js';
export * from './ids.js';
export * from './sql/index.js';
