import { FEEDBACK_ANSWER_DAYS, type FeedbackCreate } from '../../../shared/accessibility.js';
import { anonymous } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { dueAfter } from './present.js';
import { accessibilityRepository as repo } from './repository.js';

/**
 * Anyone may send feedback, without signing in (the route limits how often per address). The deadline is the
 * law's 14 days from receipt. The audit trail notes that feedback arrived, never what it says or who sent it.
 */
export async function receiveFeedback(ctx: AppContext, input: FeedbackCreate, ip?: string, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertFeedback(tx, {
      message: input.message,
      email: input.email ?? null,
      page: input.page || null,
      language: input.language ?? null,
      receivedAt: now,
      dueAt: dueAfter(now, FEEDBACK_ANSWER_DAYS),
    });
    await recordAudit(tx, anonymous, { action: 'accessibility-feedback.received', targetType: 'accessibility-feedback', targetId: row.id, details: { withEmail: row.email !== null } }, ip);
    return { id: row.id, receivedAt: row.receivedAt.toISOString(), dueAt: row.dueAt.toISOString() };
  });
}
