import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { coalesced } from '../notifications/dispatcher.js';
import { removeExpiredAuditEvents } from './retention.js';

export const AUDIT_RETENTION_QUEUE = 'audit.retention';

/** Events past AUDIT_RETENTION_YEARS are removed once a night (03:15 UTC) across all instances, and once when jobs start. */
export async function startAuditJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  await boss.createQueue(AUDIT_RETENTION_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 30 * 60 });
  const sweep = coalesced(
    async () => {
      const removed = await removeExpiredAuditEvents(ctx);
      if (removed > 0) log.info({ removed }, 'audit events past their retention removed');
    },
    (error) => log.error({ err: error }, 'audit retention failed'),
  );
  await boss.work(AUDIT_RETENTION_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds }, async () => {
    await sweep.run();
  });
  await boss.schedule(AUDIT_RETENTION_QUEUE, '15 3 * * *');
  await sweep.run();
  return { sweep: sweep.run, stop: () => sweep.idle() };
}
