import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { newReference } from '../../modules/bookings/reference.js';
import { sqlState } from '../client.js';
import type { Db } from '../client.js';
import { bookings, rooms, services, users } from '../schema/index.js';

const DEMO_EXPERT = 'asiantuntija@vero.demo';
const MINUTES = 30;

/**
 * Demo mode only: a Vero booking in the demo room that is on right now, so a newcomer can try a video meeting at
 * any hour (bookings made in the calendar need notice and fall in working hours). Kept if one is already on; the
 * database's exclusion constraints refuse it if the room or the expert is taken. Returns its reference.
 */
export async function ensureDemoMeetingBooking(db: Db): Promise<string | undefined> {
  const [expert] = await db.select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.email, DEMO_EXPERT)).limit(1);
  if (!expert) return undefined;
  const [room] = await db.select({ id: rooms.id, servicePointId: rooms.servicePointId }).from(rooms).orderBy(asc(rooms.createdAt)).limit(1);
  const [service] = await db.select({ id: services.id }).from(services).where(eq(services.agencyId, expert.organisationId)).orderBy(asc(services.createdAt)).limit(1);
  if (!room || !service) return undefined;
  const now = new Date();
  const [current] = await db
    .select({ reference: bookings.reference })
    .from(bookings)
    .where(
      and(
        eq(bookings.roomId, room.id),
        eq(bookings.expertId, expert.id),
        inArray(bookings.status, ['booked', 'checked-in', 'in-meeting']),
        lt(bookings.startsAt, new Date(now.getTime() + 5 * 60_000)),
        gt(bookings.endsAt, new Date(now.getTime() + 10 * 60_000)),
      ),
    )
    .limit(1);
  if (current) return current.reference;
  const startsAt = new Date(Math.floor(now.getTime() / (5 * 60_000)) * 5 * 60_000);
  try {
    const [row] = await db
      .insert(bookings)
      .values({
        reference: newReference(),
        servicePointId: room.servicePointId,
        roomId: room.id,
        agencyId: expert.organisationId,
        serviceId: service.id,
        expertId: expert.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + MINUTES * 60_000),
        status: 'booked',
        channel: 'on-site',
        customerName: 'Demo Asiakas',
        language: 'fi',
      })
      .returning({ reference: bookings.reference });
    return row?.reference;
  } catch (error) {
    if (sqlState(error) === '23P01') return undefined; // the room or the expert is booked now
    throw error;
  }
}
