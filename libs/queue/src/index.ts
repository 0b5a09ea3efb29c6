export * from './entities/outbox-message.entity.js';
export * from './jobs.js';
export * from './outbox-relay.js';
export * from './outbox.js';
export * from './queue.module.js';
export * from './worker-heartbeat.js';
export * from './queue.entities.js';
export * from './job-handlers.js';
