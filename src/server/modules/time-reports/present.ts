import type { TimeEntriesView, TimeEntryView } from '../../../shared/time-reports.js';
import type { TimeEntryRow } from './repository.js';

export function presentEntry(e: TimeEntryRow, o: { userName: string; locked: boolean; withNote: boolean }): TimeEntryView {
  return {
    id: e.id,
    userId: e.userId,
    userName: o.userName,
    servicePointId: e.servicePointId,
    date: e.date,
    minutes: e.minutes,
    task: e.task,
    agencyId: e.agencyId,
    note: o.withNote ? e.note : null,
    source: e.sourceKind && e.sourceId ? { kind: e.sourceKind, id: e.sourceId } : null,
    adjustsEntryId: e.adjustsEntryId,
    locked: o.locked,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** Adds minutes into a record by key. */
export function tally(into: Record<string, number>, key: string, minutes: number) {
  into[key] = (into[key] ?? 0) + minutes;
}

export function presentEntries(entries: TimeEntryView[]): TimeEntriesView {
  const minutesByDay: Record<string, number> = {};
  const minutesByTask: Record<string, number> = {};
  for (const e of entries) {
    tally(minutesByDay, e.date, e.minutes);
    tally(minutesByTask, e.task, e.minutes);
  }
  return { entries, totalMinutes: entries.reduce((s, e) => s + e.minutes, 0), minutesByDay, minutesByTask };
}
