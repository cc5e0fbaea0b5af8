import type { Db } from '../../src/server/db/client.js';
import { interpreters, rooms, services, workingHours } from '../../src/server/db/schema/index.js';
import { holidayOn } from '../../src/server/modules/scheduling/holidays.js';
import { addDays, localDate, weekdayOf } from '../../src/server/modules/scheduling/time.js';
import { createAgreement, createOrganisation, createServicePoint, createUser } from './factories.js';

const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '16:00' }));

/**
 * A self-contained world for booking tests: a service point with `roomCount` rooms (Mon–Fri 09–15), an agency with
 * `expertCount` experts working Mon–Fri 08–16, a 30-minute service, and an advisor at the point.
 */
export async function bookingWorld(db: Db, opts: { roomCount?: number; expertCount?: number; durationMinutes?: number } = {}) {
  const contractor = await createOrganisation(db, 'contractor');
  const agency = await createOrganisation(db, 'principal');
  const { point, room } = await createServicePoint(db, contractor.id);
  const roomIds = [room.id];
  for (let i = 1; i < (opts.roomCount ?? 1); i++) {
    const [extra] = await db.insert(rooms).values({ servicePointId: point.id, name: { fi: `Huone ${i}`, sv: `Rum ${i}`, en: `Room ${i}` } }).returning();
    roomIds.push(extra!.id);
  }
  const experts = [];
  for (let i = 0; i < (opts.expertCount ?? 1); i++) experts.push(await createUser(db, { organisationId: agency.id, role: 'expert' }));
  await db.insert(workingHours).values(experts.flatMap((e) => WEEKDAYS.map((w) => ({ ...w, resourceKind: 'expert' as const, resourceId: e.id }))));
  const [service] = await db
    .insert(services)
    .values({ agencyId: agency.id, name: { fi: 'Palvelu', sv: 'Tjänst', en: 'Service' }, durationMinutes: opts.durationMinutes ?? 30, languages: ['fi', 'sv', 'en'] })
    .returning();
  const advisor = await createUser(db, { organisationId: contractor.id, role: 'advisor', servicePointId: point.id });
  const booker = await createUser(db, { organisationId: agency.id, role: 'agency-booker' });
  const agreement = await createAgreement(db, { contractorId: contractor.id, servicePointIds: [point.id], agencyIds: [agency.id] });
  return { contractor, agency, point, roomIds, experts, service: service!, advisor, booker, agreement };
}

export async function createInterpreter(db: Db, languages: string[]) {
  const [row] = await db.insert(interpreters).values({ name: 'Test Interpreter', provider: 'Test', languages }).returning();
  await db.insert(workingHours).values(WEEKDAYS.map((w) => ({ ...w, resourceKind: 'interpreter' as const, resourceId: row!.id })));
  return row!;
}

/** A working day (Mon–Fri, not a holiday) at least `minDaysAhead` days from today (or from `from`), in Helsinki. */
export function workingDayAhead(minDaysAhead = 7, weekday?: number, from = localDate(new Date(), 'Europe/Helsinki')): string {
  let day = addDays(from, minDaysAhead);
  while (weekdayOf(day) > 5 || holidayOn(day) || (weekday && weekdayOf(day) !== weekday)) day = addDays(day, 1);
  return day;
}

export const bookingBody = (w: Awaited<ReturnType<typeof bookingWorld>>, start: string, extra: Record<string, unknown> = {}) => ({
  servicePointId: w.point.id,
  agencyId: w.agency.id,
  serviceId: w.service.id,
  start,
  customer: { name: 'Maija Meikäläinen', phone: '040 123 4567', email: 'maija@example.com' },
  language: 'fi',
  channel: 'on-site',
  ...extra,
});
