import type { TimeEntryPatch } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { helsinkiDay } from './days.js';
import { assertMonthsOpen, assertNoCustomerName } from './guards.js';
import { timeRepository as repo } from './repository.js';

/** The advisor changes their own entry while its month (and the month it moves to) is open. */
export async function updateEntry(ctx: AppContext, actor: UserActor, id: string, patch: TimeEntryPatch, ip?: string) {
  await ctx.db.transaction(async (tx) => {
    const entry = await repo.byId(tx, id, true);
    if (!entry) throw notFound('Time entry');
    authorize(actor, 'time-entry:write', { userId: entry.userId, servicePointId: entry.servicePointId });
    const date = patch.date ?? entry.date;
    if (date > helsinkiDay(new Date())) throw invalid('time_entry.future', 'Time cannot be recorded for a day still to come');
    if (entry.sourceId && date !== entry.date) throw invalid('time_entry.source_date', 'An entry from an activity stays on the day of the activity');
    const minutes = patch.minutes ?? entry.minutes;
    if (minutes < 0 && !entry.adjustsEntryId) throw invalid('validation', 'only an adjustment may be negative');
    if (patch.agencyId && !(await repo.isAgency(tx, patch.agencyId))) throw invalid('time_entry.agency_invalid', 'Not a principal agency');
    await assertNoCustomerName(tx, entry.servicePointId, date, patch.note);
    await assertMonthsOpen(tx, entry.servicePointId, [entry.date, date]);
    const changes = {
      ...(patch.date !== undefined ? { date } : {}),
      ...(patch.minutes !== undefined ? { minutes } : {}),
      ...(patch.task !== undefined ? { task: patch.task } : {}),
      ...(patch.agencyId !== undefined ? { agencyId: patch.agencyId } : {}),
      ...(patch.note !== undefined ? { note: patch.note || null } : {}),
    };
    await repo.update(tx, id, changes);
    // Which fields changed and the figures, never the note's text.
    const { note: _note, ...figures } = changes;
    await recordAudit(tx, actor, { action: 'time_entry.updated', targetType: 'time_entry', targetId: id, details: { fields: Object.keys(changes), ...figures } }, ip);
  });
}
