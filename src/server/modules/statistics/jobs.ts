import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { coalesced } from '../notifications/dispatcher.js';
import { refreshStatisticsRollup } from './refresh-rollup.js';

export const ROLLUP_QUEUE = 'statistics.refresh';

/**
 * The statistics rollup on pg-boss: every 5 minutes (cron, one run across all instances) and once when jobs start.
 * Until a marked day is recounted, the statistics count it live, so the interval bounds only the cost, not freshness.
 */
export async function startStatisticsJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  await boss.createQueue(ROLLUP_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 30 * 60 });
  const refresh = coalesced(
    async () => {
      const done = await refreshStatisticsRollup(ctx);
      if (done.counted.length > 0 || done.recounted > 0) log.info(done, 'statistics rollup refreshed');
    },
    (error) => log.error({ err: error }, 'statistics rollup refresh failed'),
  );
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds, notifyPollingIntervalSeconds: opts.pollingIntervalSeconds };
  await boss.work(ROLLUP_QUEUE, polling, async () => {
    await refresh.run();
  });
  await boss.schedule(ROLLUP_QUEUE, '*/5 * * * *');
  // Not awaited: the first run on a large database counts every past day, and start-up need not wait for it.
  void refresh.run();
  return { refresh: refresh.run, stop: () => refresh.idle() };
}
