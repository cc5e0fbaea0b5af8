import type { Database } from '../db/client.js';
import { type EventBus, InProcessBus } from './bus.js';
import { type BusLogger, PostgresBus } from './postgres-bus.js';

/**
 * The one place that picks the event bus: LISTEN/NOTIFY on a PostgreSQL server (any number of app instances share
 * it), in-process on the embedded PGlite database (one process by design).
 */
export function createBus(database: Database, log?: BusLogger): EventBus {
  if (database.kind === 'postgres' && database.pool) return new PostgresBus({ pool: database.pool, log });
  return new InProcessBus();
}
