export * from './directory.js';
export * from './audit.js';
