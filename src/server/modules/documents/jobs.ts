import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { coalesced } from '../notifications/dispatcher.js';
import { purgeDue, warnDue } from './purge.js';

export const SWEEP_QUEUE = 'document.sweep';

/**
 * The purge and retention warnings on pg-boss: a sweep every minute (cron, one per minute across all instances)
 * and one when jobs start. An acknowledgement purges at once by itself (unless DOCUMENT_KEEP_AFTER_ACK_HOURS keeps
 * it); expiries and kept acknowledgements are the sweep's. The state is in the rows, so a missed pass only delays.
 */
export async function startDocumentJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  await boss.createQueue(SWEEP_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 5 * 60 });
  const sweep = coalesced(
    async () => {
      const purged = await purgeDue(ctx);
      const warned = await warnDue(ctx);
      if (purged > 0 || warned.size > 0) log.info({ purged, warnedAgencies: warned.size }, 'document sweep');
    },
    (error) => log.error({ err: error }, 'document sweep failed'),
  );
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds, notifyPollingIntervalSeconds: opts.pollingIntervalSeconds };
  await boss.work(SWEEP_QUEUE, polling, async () => {
    await sweep.run();
  });
  await boss.schedule(SWEEP_QUEUE, '* * * * *');
  await sweep.run();
  return {
    sweep: sweep.run,
    stop: () => sweep.idle(),
  };
}
