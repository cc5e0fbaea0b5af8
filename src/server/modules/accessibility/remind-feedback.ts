import type { AppContext } from '../../context.js';
import { sendDocumentMail } from '../documents/mail.js';
import { reminderMail } from './mail-texts.js';
import { reminderCutoff } from './present.js';
import { accessibilityRepository as repo } from './repository.js';

export const FEEDBACK_INBOX_PATH = '/reports/accessibility-feedback';

/**
 * The e-mail half of the reminders (the in-app half is each item's `attention`, computed when read): on day 10 of
 * unanswered feedback and again when its 14 days have passed, once each, to every coordinator. Overdue goes first,
 * and also counts as the day-10 reminder. Without SMTP nothing is marked, so a later SMTP set-up still reminds.
 */
export async function remindFeedback(ctx: AppContext, now = new Date()): Promise<{ day10: number; overdue: number }> {
  const sent = { day10: 0, overdue: 0 };
  if (!ctx.config.smtpUrl) return sent;
  const to = await repo.coordinatorEmails(ctx.db);
  if (to.length === 0) return sent;
  const inbox = `${ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`}${FEEDBACK_INBOX_PATH}`;
  for (const kind of ['overdue', 'day10'] as const) {
    const due = await repo.dueForReminder(ctx.db, kind, reminderCutoff(now), now);
    if (due.length === 0) continue;
    await sendDocumentMail(ctx.config, { to, ...reminderMail(kind, due.map((f) => f.dueAt), inbox) });
    await repo.markReminded(ctx.db, due.map((f) => f.id), kind, now);
    sent[kind] = due.length;
  }
  return sent;
}
