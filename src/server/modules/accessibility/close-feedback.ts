import type { FeedbackItem } from '../../../shared/accessibility.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadFeedback } from './list-feedback.js';
import { accessibilityRepository as repo } from './repository.js';

/** Closing ends the case: after an answer, or without one (nothing to answer, e.g. no question and no address). */
export async function closeFeedback(ctx: AppContext, actor: UserActor, id: string, ip?: string, now = new Date()): Promise<FeedbackItem> {
  authorize(actor, 'accessibility-feedback:answer');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.lockFeedback(tx, id);
    if (!row) throw notFound('Feedback');
    if (row.status === 'closed') throw conflict('accessibility.feedback_closed', 'The feedback is already closed');
    await repo.updateFeedback(tx, id, { status: 'closed', closedAt: now, closedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'accessibility-feedback.closed', targetType: 'accessibility-feedback', targetId: id, details: { answered: row.status === 'answered' } }, ip);
  });
  return loadFeedback(ctx, id, now);
}
