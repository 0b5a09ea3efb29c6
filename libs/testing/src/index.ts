export * from './graphql-client.js';
export * from './test-database.js';
export * from './wait-for.js';
export * from './private-redis.js';
export * from './private-postgres.js';
export * from './service-context.js';
export * from './free-port.js';
export * from './axe.js';
