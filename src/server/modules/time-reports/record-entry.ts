import type { TimeEntryInput } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { helsinkiDay, monthOf } from './days.js';
import { assertMonthsOpen, assertNoCustomerName } from './guards.js';
import { timeRepository as repo } from './repository.js';
import { ownActivity } from './suggestions.js';

const sqlState = (e: unknown) => (e as { cause?: { code?: string }; code?: string }).cause?.code ?? (e as { code?: string }).code;

/** The point the advisor records at: the one given, the activity's, or their only point. */
function pointOf(actor: UserActor, given: string | undefined): string {
  if (given) return given;
  const points = [...new Set(actor.roles.filter((g) => g.role === 'advisor' && g.servicePointId).map((g) => g.servicePointId!))];
  if (points.length !== 1) throw invalid('time_entry.point_required', 'Say at which service point the time was spent');
  return points[0]!;
}

/**
 * An advisor records time: by hand, by accepting a suggestion (the entry names its source, so it is counted once;
 * its day is the activity's), or as an adjustment of an entry in an approved month, in a later month.
 */
export async function recordEntry(ctx: AppContext, actor: UserActor, input: TimeEntryInput, ip?: string): Promise<string> {
  const activity = input.source ? await ownActivity(ctx.db, actor, input.source) : undefined;
  const servicePointId = activity?.servicePointId ?? pointOf(actor, input.servicePointId);
  authorize(actor, 'time-entry:write', { userId: actor.userId, servicePointId });
  const date = activity ? helsinkiDay(activity.start) : input.date;
  if (date > helsinkiDay(new Date())) throw invalid('time_entry.future', 'Time cannot be recorded for a day still to come');
  if (input.agencyId && !(await repo.isAgency(ctx.db, input.agencyId))) throw invalid('time_entry.agency_invalid', 'Not a principal agency');
  await assertNoCustomerName(ctx.db, servicePointId, date, input.note);
  try {
    return await ctx.db.transaction(async (tx) => {
      if (input.adjustsEntryId) {
        const original = await repo.byId(tx, input.adjustsEntryId, true);
        if (!original || original.userId !== actor.userId) throw notFound('Time entry');
        const originalMonth = await repo.month(tx, original.servicePointId, monthOf(original.date));
        if (originalMonth?.status !== 'approved') throw invalid('time_entry.adjust_not_approved', 'Only an entry of an approved month is adjusted; change this one itself');
        if (monthOf(date) <= monthOf(original.date)) throw invalid('time_entry.adjust_same_month', 'An adjustment goes into a later month than the entry it corrects');
        if (original.adjustsEntryId) throw invalid('time_entry.adjust_adjustment', 'Adjust the original entry, not an adjustment');
        if ((await repo.adjustedTotal(tx, original.id)) + input.minutes < 0) throw invalid('time_entry.adjust_below_zero', 'The corrected time would be below zero');
      }
      await assertMonthsOpen(tx, servicePointId, [date]);
      if (input.source && (await repo.sourcesTaken(tx, [input.source])).size > 0) throw conflict('time_entry.source_taken', 'This activity is already recorded or discarded');
      const entry = await repo.insert(tx, {
        userId: actor.userId,
        servicePointId,
        date,
        minutes: input.minutes,
        task: input.task,
        agencyId: input.agencyId ?? null,
        note: input.note || null,
        sourceKind: input.source?.kind ?? null,
        sourceId: input.source?.id ?? null,
        adjustsEntryId: input.adjustsEntryId ?? null,
      });
      await recordAudit(
        tx,
        actor,
        {
          action: 'time_entry.created',
          targetType: 'time_entry',
          targetId: entry.id,
          details: { servicePointId, date, minutes: entry.minutes, task: entry.task, agencyId: entry.agencyId, sourceKind: entry.sourceKind, sourceId: entry.sourceId, adjustsEntryId: entry.adjustsEntryId },
        },
        ip,
      );
      return entry.id;
    });
  } catch (e) {
    // Two accepts of the same suggestion at once: the unique source index lets one through.
    if (sqlState(e) === '23505') throw conflict('time_entry.source_taken', 'This activity is already recorded');
    throw e;
  }
}

