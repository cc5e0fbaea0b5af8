import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { EventBus } from './realtime/bus.js';

/** What use cases need from the running app: passed explicitly, never imported as globals. */
export type AppContext = { db: Db; database: Database; config: Config; bus: EventBus };
