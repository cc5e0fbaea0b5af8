import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { currentMonth } from './days.js';
import { timeRepository as repo } from './repository.js';

export type MonthDecision = 'submit' | 'approve' | 'return';

/**
 * Month close: the point manager submits an ended month (it locks), VM approves it or returns it with a comment
 * (which unlocks it). The month row is locked for the change, the same lock every entry change takes.
 */
export async function closeMonth(ctx: AppContext, actor: UserActor, servicePointId: string, month: string, decision: MonthDecision, comment?: string, ip?: string) {
  authorize(actor, decision === 'submit' ? 'time-report:submit' : 'time-report:decide', { servicePointId });
  const point = await directoryRepository.servicePointById(ctx.db, servicePointId);
  if (!point) throw notFound('Service point');
  if (decision === 'submit' && month >= currentMonth()) throw invalid('time_report.month_not_ended', 'A month is submitted once it has ended');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.lockMonth(tx, servicePointId, month);
    const now = new Date();
    if (decision === 'submit') {
      if (row.status === 'submitted') throw conflict('time_report.already_submitted', 'This month is already submitted');
      if (row.status === 'approved') throw conflict('time_report.already_approved', 'This month is already approved');
      await repo.setMonth(tx, servicePointId, month, { status: 'submitted', submittedBy: actor.userId, submittedAt: now, decidedBy: null, decidedAt: null });
    } else {
      if (row.status !== 'submitted') throw conflict('time_report.not_submitted', 'Only a submitted month is approved or returned');
      await repo.setMonth(tx, servicePointId, month, {
        status: decision === 'approve' ? 'approved' : 'returned',
        decidedBy: actor.userId,
        decidedAt: now,
        comment: decision === 'return' ? (comment ?? null) : null,
      });
    }
    const action = decision === 'submit' ? 'time_report.submitted' : decision === 'approve' ? 'time_report.approved' : 'time_report.returned';
    await recordAudit(tx, actor, { action, targetType: 'time_report', targetId: `${servicePointId}:${month}`, organisationId: point.organisationId, details: { servicePointId, month } }, ip);
  });
}
