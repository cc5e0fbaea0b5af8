import type { FeedbackAnswer, FeedbackItem } from '../../../shared/accessibility.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, conflict, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { sendDocumentMail } from '../documents/mail.js';
import { answerMail } from './mail-texts.js';
import { accessibilityRepository as repo } from './repository.js';
import { loadFeedback } from './list-feedback.js';

/**
 * A coordinator answers. When the sender left an address, asked for, and SMTP is set, the answer goes out by e-mail
 * first; if sending fails nothing is recorded (502), so the coordinator can try again. Without an address or SMTP
 * the answer is recorded as given by other means (`answerEmailed: false`).
 */
export async function answerFeedback(ctx: AppContext, actor: UserActor, id: string, input: FeedbackAnswer, ip?: string, now = new Date()): Promise<FeedbackItem> {
  authorize(actor, 'accessibility-feedback:answer');
  const [row] = await repo.feedback(ctx.db, { id });
  if (!row) throw notFound('Feedback');
  if (row.status !== 'new') throw conflict('accessibility.feedback_not_open', 'The feedback has already been answered or closed');
  const emailed = input.sendEmail !== false && !!row.email && !!ctx.config.smtpUrl;
  if (emailed) {
    try {
      await sendDocumentMail(ctx.config, { to: row.email!, ...answerMail(row, input.answer, ctx.config.publicUrl) });
    } catch {
      throw new HttpProblem(502, 'accessibility.email_failed', 'Bad gateway', 'The answer could not be sent by e-mail');
    }
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockFeedback(tx, id);
    // Another coordinator answered meanwhile: the sender may have two e-mails, but only one answer is recorded.
    if (locked?.status !== 'new') throw conflict('accessibility.feedback_not_open', 'The feedback has already been answered or closed');
    await repo.updateFeedback(tx, id, { status: 'answered', answer: input.answer, answeredAt: now, answeredBy: actor.userId, answerEmailedAt: emailed ? now : null });
    await recordAudit(tx, actor, { action: 'accessibility-feedback.answered', targetType: 'accessibility-feedback', targetId: id, details: { emailed, overdue: row.dueAt <= now } }, ip);
  });
  return loadFeedback(ctx, id, now);
}
