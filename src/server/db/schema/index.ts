export * from './directory.js';
export * from './audit.js';
export * from './scheduling.js';
export * from './assistance.js';
export * from './documents.js';
export * from './meetings.js';
export * from './agreements.js';
export * from './time-reports.js';
