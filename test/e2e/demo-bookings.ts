import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { bookings, organisations, rooms, services, users, shortNameIs } from '../../src/server/db/schema/index.js';

type Status = 'booked' | 'checked-in' | 'in-meeting';

/**
 * A 30-minute booking of an agency (by short name) in the demo room, `startMinutes` from now, as the desk would have
 * made it: written straight to the database, so a suite can have one at any hour and any distance from now.
 */
export async function demoBooking(db: Db, shortName: string, expertEmail: string, startMinutes: number, status: Status = 'booked', customerName = 'Maija Meikäläinen') {
  const [agency] = await db.select().from(organisations).where(shortNameIs(shortName));
  const [service] = await db.select().from(services).where(eq(services.agencyId, agency!.id));
  const [room] = await db.select().from(rooms);
  const [expert] = await db.select().from(users).where(eq(users.email, expertEmail));
  const start = Date.now() + startMinutes * 60_000;
  const [row] = await db
    .insert(bookings)
    .values({
      reference: randomBytes(3).toString('hex').toUpperCase(),
      servicePointId: room!.servicePointId,
      roomId: room!.id,
      agencyId: agency!.id,
      serviceId: service!.id,
      expertId: expert!.id,
      startsAt: new Date(start),
      endsAt: new Date(start + 30 * 60_000),
      status,
      channel: 'on-site',
      customerName,
      language: 'fi',
    })
    .returning();
  return row!;
}
