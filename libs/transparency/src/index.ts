export * from './answer-stats/answer-stats.service.js';
export * from './answer-stats/working-day-index.js';
export * from './entities/agency-answer-month.entity.js';
export * from './public-reports/public-reports.service.js';
export * from './transparency.entities.js';
export * from './transparency.errors.js';
export * from './transparency.module.js';
export * from './transparency.views.js';
