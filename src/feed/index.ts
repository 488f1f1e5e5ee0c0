export * from './types.js';
export * from './errors.js';
export * from './guards.js';
export * from './version.js';
export * from './client.js';
export * from './links.js';
export * from './report.js';
