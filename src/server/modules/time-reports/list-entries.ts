import type { TimeEntriesView, TimeEntryView } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import { can, readsNotes, timeEntryScope } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { monthOf } from './days.js';
import { isLockedState } from './guards.js';
import { presentEntries, presentEntry } from './present.js';
import { type TimeEntryRow, timeRepository as repo } from './repository.js';

/** Presents rows with their authors' names and whether their months are closed. */
export async function presentRows(db: Db, actor: UserActor, rows: TimeEntryRow[]): Promise<TimeEntryView[]> {
  const [names, months] = await Promise.all([
    repo.userNames(db, rows.map((r) => r.userId)),
    repo.months(db, [...new Set(rows.map((r) => r.servicePointId))], [...new Set(rows.map((r) => monthOf(r.date)))]),
  ]);
  const locked = new Set(months.filter((m) => isLockedState(m.status)).map((m) => `${m.servicePointId}:${m.month}`));
  return rows.map((r) =>
    presentEntry(r, { userName: names.get(r.userId) ?? '', locked: locked.has(`${r.servicePointId}:${monthOf(r.date)}`), withNote: readsNotes(actor, r) }),
  );
}

/** A week's or a month's entries: the actor's own, their points', their agency's, or all for VM (policy scope). */
export async function listEntries(ctx: AppContext, actor: UserActor, q: { from: string; to: string; userId?: string; servicePointId?: string }): Promise<TimeEntriesView> {
  const rows = await repo.list(ctx.db, {
    from: q.from,
    to: q.to,
    scope: timeEntryScope(actor),
    userId: q.userId,
    servicePointIds: q.servicePointId ? [q.servicePointId] : undefined,
  });
  const readable = rows.filter((r) => can(actor, 'time-entry:read', { userId: r.userId, servicePointId: r.servicePointId, organisationId: r.agencyId ?? undefined }));
  return presentEntries(await presentRows(ctx.db, actor, readable));
}
