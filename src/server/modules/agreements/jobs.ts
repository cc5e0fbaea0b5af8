import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { coalesced } from '../notifications/dispatcher.js';
import { remindOverdueDuties } from './remind-duties.js';

export const DUTY_QUEUE = 'agreement.duty-reminders';

/** Overdue §13 duties are looked for every hour across all instances (and once when jobs start). */
export async function startAgreementJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  await boss.createQueue(DUTY_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 5 * 60 });
  const sweep = coalesced(
    async () => {
      const reminded = await remindOverdueDuties(ctx);
      if (reminded > 0) log.info({ reminded }, 'agreement duty reminders');
    },
    (error) => log.error({ err: error }, 'agreement duty reminders failed'),
  );
  await boss.work(DUTY_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds }, async () => {
    await sweep.run();
  });
  await boss.schedule(DUTY_QUEUE, '0 * * * *');
  await sweep.run();
  return { sweep: sweep.run, stop: () => sweep.idle() };
}
