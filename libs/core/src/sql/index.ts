export * from './entity-table.js';
export * from './insert-select.js';
export * from './unnest-rows.js';
