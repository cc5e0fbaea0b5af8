import type { FeedbackItem, FeedbackStatus, FeedbackSummary } from '../../../shared/accessibility.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { attention, presentFeedback } from './present.js';
import { accessibilityRepository as repo } from './repository.js';

/** The coordinators' inbox, earliest deadline first. Reading it reads senders' e-mail addresses: audited. */
export async function listFeedback(ctx: AppContext, actor: UserActor, q: { status?: FeedbackStatus }, ip?: string, now = new Date()): Promise<FeedbackItem[]> {
  authorize(actor, 'accessibility-feedback:read');
  const rows = await repo.feedback(ctx.db, q);
  await recordAudit(ctx.db, actor, { action: 'accessibility-feedback.listed', targetType: 'accessibility-feedback', details: { count: rows.length, ...(q.status ? { status: q.status } : {}) } }, ip);
  return rows.map((row) => presentFeedback(row, now));
}

export async function getFeedback(ctx: AppContext, actor: UserActor, id: string, ip?: string, now = new Date()): Promise<FeedbackItem> {
  authorize(actor, 'accessibility-feedback:read');
  const item = await loadFeedback(ctx, id, now);
  await recordAudit(ctx.db, actor, { action: 'accessibility-feedback.read', targetType: 'accessibility-feedback', targetId: id }, ip);
  return item;
}

/** One item as the inbox shows it, for a use case that has authorized and audited its own change. */
export async function loadFeedback(ctx: AppContext, id: string, now = new Date()): Promise<FeedbackItem> {
  const [row] = await repo.feedback(ctx.db, { id });
  if (!row) throw notFound('Feedback');
  return presentFeedback(row, now);
}

/** Counts for the in-app reminder (no message contents, so not audited). */
export async function feedbackSummary(ctx: AppContext, actor: UserActor, now = new Date()): Promise<FeedbackSummary> {
  authorize(actor, 'accessibility-feedback:read');
  const open = await repo.feedback(ctx.db, { status: 'new' });
  const flags = open.map((row) => attention(row, now));
  return { open: open.length, day10: flags.filter((f) => f === 'day10').length, overdue: flags.filter((f) => f === 'overdue').length };
}
