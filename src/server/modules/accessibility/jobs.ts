import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { coalesced } from '../notifications/dispatcher.js';
import { remindFeedback } from './remind-feedback.js';

export const FEEDBACK_REMINDER_QUEUE = 'accessibility.feedback-reminders';

/** Feedback reminders are looked for every hour across all instances (and once when jobs start). */
export async function startAccessibilityJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: { pollingIntervalSeconds: number }) {
  await boss.createQueue(FEEDBACK_REMINDER_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 5 * 60 });
  const sweep = coalesced(
    async () => {
      const sent = await remindFeedback(ctx);
      if (sent.day10 + sent.overdue > 0) log.info(sent, 'accessibility feedback reminders');
    },
    (error) => log.error({ err: error }, 'accessibility feedback reminders failed'),
  );
  await boss.work(FEEDBACK_REMINDER_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds }, async () => {
    await sweep.run();
  });
  await boss.schedule(FEEDBACK_REMINDER_QUEUE, '15 * * * *');
  await sweep.run();
  return { sweep: sweep.run, stop: () => sweep.idle() };
}
