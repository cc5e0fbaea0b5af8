import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../http/problem.js';
import { instantRange, monthDays, monthOf } from './days.js';
import { timeRepository as repo } from './repository.js';

export const isLockedState = (status: string | undefined) => status === 'submitted' || status === 'approved';

/**
 * Locks the month of each day at the point for this transaction and refuses a submitted or approved one
 * (409 `time_report.locked`): the same row lock the submission takes, so no entry slips in beside a close.
 */
export async function assertMonthsOpen(db: Db, servicePointId: string, dates: string[]) {
  for (const month of [...new Set(dates.map(monthOf))].sort()) {
    const row = await repo.lockMonth(db, servicePointId, month);
    if (isLockedState(row.status)) throw conflict('time_report.locked', `The time report of ${month} is ${row.status}: its entries cannot change`);
  }
}

const normalise = (s: string) => s.toLocaleLowerCase('fi').replace(/\s+/g, ' ').trim();

/**
 * No customer data in a note: a name of a customer booked at the point in that month (either word order), compared
 * case-insensitively, is refused with 422 `time_entry.customer_name`.
 */
export async function assertNoCustomerName(db: Db, servicePointId: string, date: string, note: string | null | undefined) {
  if (!note) return;
  const { from, to } = monthDays(monthOf(date));
  const { start, end } = instantRange(from, to);
  const text = normalise(note);
  for (const name of await repo.customerNames(db, servicePointId, start, end)) {
    if (!name) continue;
    const n = normalise(name);
    if (n.length < 3) continue;
    const reversed = n.split(' ').reverse().join(' ');
    if (text.includes(n) || text.includes(reversed)) throw invalid('time_entry.customer_name', 'The note must not name a customer');
  }
}
