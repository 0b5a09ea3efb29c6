export * from './access.js';
export * from './auth.service.js';
export * from './entities/staff-user.entity.js';
export * from './identity.errors.js';
export * from './identity.module.js';
export * from './roles.js';
export * from './staff-users.service.js';
