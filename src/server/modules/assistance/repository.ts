import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { callButtons, calls, rooms, servicePoints, terminalHeartbeats, terminals, users } from '../../db/schema/index.js';

export type CallRow = typeof calls.$inferSelect;
export type ButtonRow = typeof callButtons.$inferSelect;
/** A call with the names of the staff who acknowledged and closed it, and the service point's organisation. */
export type CallRecord = { call: CallRow; acknowledgedByName: string | null; closedByName: string | null; organisationId: string };

const ackUser = alias(users, 'ack_user');
const closeUser = alias(users, 'close_user');

function selectCalls(db: Db) {
  return db
    .select({ call: calls, acknowledgedByName: ackUser.name, closedByName: closeUser.name, organisationId: servicePoints.organisationId })
    .from(calls)
    .innerJoin(servicePoints, eq(servicePoints.id, calls.servicePointId))
    .leftJoin(ackUser, eq(ackUser.id, calls.acknowledgedBy))
    .leftJoin(closeUser, eq(closeUser.id, calls.closedBy));
}

/** Calls, call buttons and terminal heartbeats. */
export const callRepository = {
  /** A button with its room's service point and that point's organisation (for the audit record). */
  async buttonWithPlace(db: Db, id: string) {
    const [row] = await db
      .select({ button: callButtons, servicePointId: rooms.servicePointId, organisationId: servicePoints.organisationId })
      .from(callButtons)
      .innerJoin(rooms, eq(rooms.id, callButtons.roomId))
      .innerJoin(servicePoints, eq(servicePoints.id, rooms.servicePointId))
      .where(eq(callButtons.id, id))
      .limit(1);
    return row;
  },

  async buttonById(db: Db, id: string): Promise<ButtonRow | undefined> {
    const [row] = await db.select().from(callButtons).where(eq(callButtons.id, id)).limit(1);
    return row;
  },

  async buttonsOfRoom(db: Db, roomId: string): Promise<ButtonRow[]> {
    return db.select().from(callButtons).where(eq(callButtons.roomId, roomId)).orderBy(asc(callButtons.createdAt));
  },

  async insertButton(db: Db, b: typeof callButtons.$inferInsert): Promise<ButtonRow> {
    const [row] = await db.insert(callButtons).values(b).returning();
    return row!;
  },

  async updateButton(db: Db, id: string, patch: Partial<typeof callButtons.$inferInsert>): Promise<ButtonRow | undefined> {
    const [row] = await db.update(callButtons).set(patch).where(eq(callButtons.id, id)).returning();
    return row;
  },

  /**
   * The call a press in this room joins, locked: the room's open call, else an acknowledged one whose last press
   * was after `joinAfter` (the customer pressed a few times and someone acknowledged in between).
   */
  async joinableForUpdate(db: Db, roomId: string, joinAfter: Date): Promise<CallRow | undefined> {
    const [row] = await db
      .select()
      .from(calls)
      .where(and(eq(calls.roomId, roomId), or(eq(calls.status, 'open'), and(eq(calls.status, 'acknowledged'), gt(calls.lastPressAt, joinAfter)))))
      .orderBy(asc(calls.status), desc(calls.createdAt))
      .for('update')
      .limit(1);
    return row;
  },

  /** Opens a call unless the room already has an open one (a simultaneous press won): then undefined. */
  async insertOpen(db: Db, c: typeof calls.$inferInsert): Promise<CallRow | undefined> {
    const [row] = await db
      .insert(calls)
      .values(c)
      .onConflictDoNothing({ target: calls.roomId, where: sql`status = 'open'` })
      .returning();
    return row;
  },

  async update(db: Db, id: string, patch: Partial<typeof calls.$inferInsert>): Promise<CallRow> {
    const [row] = await db.update(calls).set(patch).where(eq(calls.id, id)).returning();
    return row!;
  },

  async byId(db: Db, id: string): Promise<CallRecord | undefined> {
    const [row] = await selectCalls(db).where(eq(calls.id, id)).limit(1);
    return row;
  },

  /** First acknowledgement wins: the update applies only while the call is still open. */
  async acknowledge(db: Db, id: string, userId: string, at: Date): Promise<CallRow | undefined> {
    const [row] = await db
      .update(calls)
      .set({ status: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: at })
      .where(and(eq(calls.id, id), eq(calls.status, 'open')))
      .returning();
    return row;
  },

  async close(db: Db, id: string, userId: string | null, at: Date): Promise<CallRow | undefined> {
    const [row] = await db
      .update(calls)
      .set({ status: 'closed', closedBy: userId, closedAt: at })
      .where(and(eq(calls.id, id), inArray(calls.status, ['open', 'acknowledged'])))
      .returning();
    return row;
  },

  /** Open and acknowledged calls at the point, and those closed since `closedSince`, newest first. */
  async listForPoint(db: Db, servicePointId: string, closedSince: Date, limit = 200): Promise<CallRecord[]> {
    return selectCalls(db)
      .where(and(eq(calls.servicePointId, servicePointId), or(inArray(calls.status, ['open', 'acknowledged']), gt(calls.closedAt, closedSince))))
      .orderBy(desc(calls.createdAt))
      .limit(limit);
  },

  /** The room's latest call that is not closed, for the kiosk. */
  async currentOfRoom(db: Db, roomId: string): Promise<CallRecord | undefined> {
    const [row] = await selectCalls(db)
      .where(and(eq(calls.roomId, roomId), inArray(calls.status, ['open', 'acknowledged'])))
      .orderBy(asc(calls.status), desc(calls.createdAt))
      .limit(1);
    return row;
  },

  /**
   * Marks a new alert on every open call whose last alert is older than `before` and returns them. A conditional
   * update, so with several instances sweeping each repeat happens once.
   */
  async claimRepeats(db: Db, before: Date, now: Date) {
    return db
      .update(calls)
      .set({ alertCount: sql`${calls.alertCount} + 1`, lastAlertAt: now })
      .where(and(eq(calls.status, 'open'), lte(calls.lastAlertAt, before)))
      .returning({ id: calls.id, servicePointId: calls.servicePointId });
  },

  async claimEscalations(db: Db, createdBefore: Date, now: Date) {
    return db
      .update(calls)
      .set({ escalatedAt: now })
      .where(and(eq(calls.status, 'open'), isNull(calls.escalatedAt), lte(calls.createdAt, createdBefore)))
      .returning({ id: calls.id, servicePointId: calls.servicePointId, roomId: calls.roomId });
  },

  async closeStaleAcknowledged(db: Db, acknowledgedBefore: Date, now: Date) {
    return db
      .update(calls)
      .set({ status: 'closed', closedAt: now })
      .where(and(eq(calls.status, 'acknowledged'), lte(calls.acknowledgedAt, acknowledgedBefore)))
      .returning({ id: calls.id, servicePointId: calls.servicePointId });
  },

  // Terminal heartbeats --------------------------------------------------------------------------------------------

  async heartbeatOf(db: Db, terminalId: string) {
    const [row] = await db.select().from(terminalHeartbeats).where(eq(terminalHeartbeats.terminalId, terminalId)).limit(1);
    return row;
  },

  async saveHeartbeat(db: Db, h: { terminalId: string; camera: boolean; microphone: boolean; documentCamera: boolean; reportedAt: Date }) {
    await db
      .insert(terminalHeartbeats)
      .values({ ...h, offlineAnnouncedAt: null })
      .onConflictDoUpdate({
        target: terminalHeartbeats.terminalId,
        set: { camera: h.camera, microphone: h.microphone, documentCamera: h.documentCamera, reportedAt: h.reportedAt, offlineAnnouncedAt: null },
      });
    await db.update(terminals).set({ lastSeenAt: h.reportedAt }).where(eq(terminals.id, h.terminalId));
  },

  /** Terminals whose heartbeat stopped, each announced once. */
  async claimWentOffline(db: Db, silentSince: Date, now: Date) {
    const gone = await db
      .update(terminalHeartbeats)
      .set({ offlineAnnouncedAt: now })
      .where(and(isNull(terminalHeartbeats.offlineAnnouncedAt), lte(terminalHeartbeats.reportedAt, silentSince)))
      .returning({ terminalId: terminalHeartbeats.terminalId });
    if (gone.length === 0) return [];
    return db
      .select({ terminalId: terminals.id, servicePointId: rooms.servicePointId })
      .from(terminals)
      .innerJoin(rooms, eq(rooms.id, terminals.roomId))
      .where(
        inArray(
          terminals.id,
          gone.map((g) => g.terminalId),
        ),
      );
  },
};
