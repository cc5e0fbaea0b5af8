import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { assertMonthsOpen } from './guards.js';
import { timeRepository as repo } from './repository.js';

/** The advisor removes their own entry from an open month; an accepted suggestion is offered again. */
export async function deleteEntry(ctx: AppContext, actor: UserActor, id: string, ip?: string) {
  await ctx.db.transaction(async (tx) => {
    const entry = await repo.byId(tx, id, true);
    if (!entry) throw notFound('Time entry');
    authorize(actor, 'time-entry:write', { userId: entry.userId, servicePointId: entry.servicePointId });
    await assertMonthsOpen(tx, entry.servicePointId, [entry.date]);
    if ((await repo.adjustedTotal(tx, id)) !== entry.minutes) throw conflict('time_entry.adjusted', 'This entry has adjustments');
    await repo.remove(tx, id);
    await recordAudit(tx, actor, { action: 'time_entry.deleted', targetType: 'time_entry', targetId: id, details: { date: entry.date, minutes: entry.minutes, task: entry.task, servicePointId: entry.servicePointId } }, ip);
  });
}
