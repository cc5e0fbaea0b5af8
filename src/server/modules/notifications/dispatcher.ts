import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { notificationsActor } from './deliver-message.js';
import { customerMessageRepository as repo } from './repository.js';

export const SEND_QUEUE = 'customer-message.send';
export const DISPATCH_QUEUE = 'customer-message.dispatch';
/** A row still 'sending' this long after its claim was interrupted (crash, kill) between claim and result. */
export const INTERRUPTED_AFTER_MS = 10 * 60_000;
const BATCH = 500;

/**
 * One pass: fails rows whose sending was interrupted, then queues one send job per due row. The job's singleton
 * key is the row id and the queue is 'exclusive', so a row never has two jobs queued or running at once however
 * often (and on however many instances) this runs; the claim in the sender is the final guard.
 */
export async function dispatchDueMessages(ctx: AppContext, boss: PgBoss, now = new Date()): Promise<number> {
  const interrupted = await repo.failInterrupted(ctx.db, new Date(now.getTime() - INTERRUPTED_AFTER_MS));
  for (const row of interrupted) {
    await recordAudit(ctx.db, notificationsActor, {
      action: 'customer_message.failed',
      outcome: 'failure',
      targetType: 'booking',
      targetId: row.bookingId,
      details: { messageId: row.id, kind: row.kind, channel: row.channel, outcome: 'interrupted' },
    });
  }
  const ids = await repo.dueIds(ctx.db, BATCH);
  if (ids.length > 0) await boss.insert(SEND_QUEUE, ids.map((id) => ({ data: { messageId: id }, singletonKey: id })));
  return ids.length;
}

/**
 * Runs `task` now, or once more right after the run in progress: bursts of nudges (many bookings changing at once)
 * collapse into at most one extra pass, and two passes of one process never overlap. `idle` waits for the
 * pass in progress, if any, without starting one.
 */
export function coalesced(task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task().catch(onError);
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return { run, idle: async () => void (await running) };
}
