import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../context.js';
import { coalesced } from '../modules/notifications/dispatcher.js';
import type { JobsLogger } from './boss.js';

export const VACUUM_QUEUE = 'maintenance.vacuum';

/**
 * The embedded database's housekeeping. PGlite runs no autovacuum, so the rows that updates and deletes leave behind
 * (sessions' last-seen times, pg-boss's job rows, the statistics rollup's recounts, bookings' status changes) would
 * stay for good and the planner's statistics would grow stale: once a night (02:45 UTC, one run across instances)
 * `VACUUM (ANALYZE)` reclaims and re-counts. On a PostgreSQL server this is autovacuum's work, the operator's; the
 * job is not started there.
 */
export async function startMaintenanceJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  if (ctx.database.kind !== 'pglite') return { vacuum: async () => undefined, stop: async () => undefined };
  await boss.createQueue(VACUUM_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 30 * 60 });
  const vacuum = coalesced(
    async () => {
      const started = performance.now();
      await ctx.db.execute(sql`VACUUM (ANALYZE)`);
      log.info({ ms: Math.round(performance.now() - started) }, 'embedded database vacuumed');
    },
    (error) => log.error({ err: error }, 'vacuum of the embedded database failed'),
  );
  await boss.work(VACUUM_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds }, async () => {
    await vacuum.run();
  });
  await boss.schedule(VACUUM_QUEUE, '45 2 * * *');
  return { vacuum: vacuum.run, stop: () => vacuum.idle() };
}
