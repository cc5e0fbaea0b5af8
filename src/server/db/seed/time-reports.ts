import type { TimeTask } from '../../../shared/time-reports.js';
import { addDays, localDate, weekdayOf } from '../../modules/scheduling/time.js';
import type { Db } from '../client.js';
import { timeEntries, timeReportMonths } from '../schema/index.js';

type Seed = { pointId: string; advisorIds: string[]; managerId: string; adminId: string; agencies: string[] };

/** The first day of the month `back` months before the given day's month. */
function monthStart(day: string, back: number) {
  let d = `${day.slice(0, 7)}-01`;
  for (let i = 0; i < back; i++) d = `${addDays(d, -1).slice(0, 7)}-01`;
  return d;
}

/**
 * A few months of the demo advisors' time so the time-report pages show something: every working day from three
 * months back until yesterday, a varying mix of tasks per advisor. The two oldest months are approved; the last
 * ended month is left open for the point manager to submit.
 */
export async function seedTimeReports(tx: Db, s: Seed) {
  const today = localDate(new Date(), 'Europe/Helsinki');
  const from = monthStart(today, 3);
  const rows: (typeof timeEntries.$inferInsert)[] = [];
  const plan: [TimeTask, number, boolean][] = [
    ['booking', 75, true],
    ['identity-verification', 30, true],
    ['device-help', 25, true],
    ['document-reception', 20, true],
  ];
  let n = 0;
  for (let day = from; day < today; day = addDays(day, 1)) {
    if (weekdayOf(day) > 5) continue;
    s.advisorIds.forEach((userId, i) => {
      for (const [task, base, withAgency] of plan) {
        n += 1;
        if ((n + i) % 5 === 0) continue; // not every task every day
        rows.push({ userId, servicePointId: s.pointId, date: day, minutes: base + ((n * 7 + i * 11) % 30), task, agencyId: withAgency ? s.agencies[(n + i) % s.agencies.length]! : null });
      }
      if (weekdayOf(day) === 3 && i === 0) rows.push({ userId, servicePointId: s.pointId, date: day, minutes: 60, task: 'training', note: 'Viikkopalaveri ja perehdytys' });
    });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(timeEntries).values(rows.slice(i, i + 500));
  const at = new Date();
  for (const back of [3, 2]) {
    await tx.insert(timeReportMonths).values({
      servicePointId: s.pointId,
      month: monthStart(today, back).slice(0, 7),
      status: 'approved',
      submittedBy: s.managerId,
      submittedAt: at,
      decidedBy: s.adminId,
      decidedAt: at,
    });
  }
}
