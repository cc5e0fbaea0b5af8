import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { coalesced } from '../notifications/dispatcher.js';
import { purgeCustomerData } from './purge-customer-data.js';

export const PURGE_QUEUE = 'privacy.purge';

/**
 * The customer-data retention purge on pg-boss: every 15 minutes (cron, one run across all instances) and once
 * when jobs start. The state is in the rows (`customer_data_removed_at`), so a missed pass only delays the purge.
 */
export async function startPrivacyJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  await boss.createQueue(PURGE_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 });
  const purge = coalesced(
    async () => {
      const done = await purgeCustomerData(ctx);
      if (done.bookings > 0 || done.walkIns > 0) log.info(done, 'customer data purged');
    },
    (error) => log.error({ err: error }, 'customer data purge failed'),
  );
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds, notifyPollingIntervalSeconds: opts.pollingIntervalSeconds };
  await boss.work(PURGE_QUEUE, polling, async () => {
    await purge.run();
  });
  await boss.schedule(PURGE_QUEUE, '*/15 * * * *');
  await purge.run();
  return { purge: purge.run, stop: () => purge.idle() };
}
