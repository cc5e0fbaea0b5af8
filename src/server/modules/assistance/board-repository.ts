import { and, asc, eq, gt, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings, rooms, terminalHeartbeats, terminals } from '../../db/schema/index.js';

/** What the live status board reads besides calls, checks and incidents. */
export const boardRepository = {
  async roomsOf(db: Db, servicePointId: string) {
    return db
      .select({ id: rooms.id, name: rooms.name })
      .from(rooms)
      .where(and(eq(rooms.servicePointId, servicePointId), eq(rooms.active, true)))
      .orderBy(asc(rooms.createdAt));
  },

  /** Paired, unrevoked kiosks of the rooms, with their latest heartbeat (if any). */
  async terminalsOf(db: Db, roomIds: string[]) {
    if (roomIds.length === 0) return [];
    return db
      .select({ terminal: terminals, heartbeat: terminalHeartbeats })
      .from(terminals)
      .leftJoin(terminalHeartbeats, eq(terminalHeartbeats.terminalId, terminals.id))
      .where(and(inArray(terminals.roomId, roomIds), isNotNull(terminals.pairedAt), isNull(terminals.revokedAt)))
      .orderBy(asc(terminals.createdAt));
  },

  /** Bookings around now whose customer has checked in or whose meeting is on, in the rooms. */
  async occupying(db: Db, roomIds: string[], from: Date, to: Date) {
    if (roomIds.length === 0) return [];
    return db
      .select({ id: bookings.id, roomId: bookings.roomId, status: bookings.status, startsAt: bookings.startsAt })
      .from(bookings)
      .where(and(inArray(bookings.roomId, roomIds), inArray(bookings.status, ['checked-in', 'in-meeting']), lt(bookings.startsAt, to), gt(bookings.endsAt, from)))
      .orderBy(asc(bookings.startsAt));
  },
};
