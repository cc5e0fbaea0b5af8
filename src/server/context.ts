import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { EventBus } from './realtime/bus.js';

/** What use cases need from the running app: passed explicitly, never imported as globals. */
export type AppContext = {
  db: Db;
  database: Database;
  config: Config;
  bus: EventBus;
  /** The wall clock that business rules judge "now" by (is the point open); tests set it, the default is the real time. */
  now?: () => Date;
};

/** The context's "now": its clock when it has one, else the real time. */
export const nowOf = (ctx: Pick<AppContext, 'now'>): Date => (ctx.now ? ctx.now() : new Date());
