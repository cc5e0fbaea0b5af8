import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rooms, servicePoints, terminals } from '../../db/schema/index.js';

export type TerminalRow = typeof terminals.$inferSelect;

export const terminalRepository = {
  async findActiveByTokenHash(db: Db, tokenHash: string) {
    const rows = await db
      .select({ id: terminals.id, roomId: terminals.roomId, servicePointId: rooms.servicePointId })
      .from(terminals)
      .innerJoin(rooms, eq(rooms.id, terminals.roomId))
      .where(and(eq(terminals.tokenHash, tokenHash), isNull(terminals.revokedAt)))
      .limit(1);
    return rows[0];
  },

  async findByPairingCodeHash(db: Db, codeHash: string, now: Date) {
    const rows = await db
      .select()
      .from(terminals)
      .where(and(eq(terminals.pairingCodeHash, codeHash), gt(terminals.pairingExpiresAt, now), isNull(terminals.revokedAt)))
      .limit(1);
    return rows[0];
  },

  /** Whether any terminal holds this pairing code hash, expired or not (the column is unique). */
  async pairingCodeInUse(db: Db, codeHash: string): Promise<boolean> {
    const rows = await db.select({ id: terminals.id }).from(terminals).where(eq(terminals.pairingCodeHash, codeHash)).limit(1);
    return rows.length > 0;
  },

  async byId(db: Db, id: string) {
    const rows = await db.select().from(terminals).where(eq(terminals.id, id)).limit(1);
    return rows[0];
  },

  async listForRooms(db: Db, roomIds: string[]): Promise<TerminalRow[]> {
    if (roomIds.length === 0) return [];
    return db.select().from(terminals).where(inArray(terminals.roomId, roomIds)).orderBy(terminals.createdAt);
  },

  async create(db: Db, t: { roomId: string; name: string; pairingCodeHash: string; pairingExpiresAt: Date }) {
    const [row] = await db.insert(terminals).values(t).returning();
    return row!;
  },

  async update(db: Db, id: string, patch: Partial<typeof terminals.$inferInsert>) {
    const [row] = await db.update(terminals).set(patch).where(eq(terminals.id, id)).returning();
    return row;
  },

  /**
   * Completes pairing only if the code is still the terminal's current one, so two devices racing with the
   * same code cannot both get a credential.
   */
  async completePairing(db: Db, id: string, codeHash: string, tokenHash: string, now: Date) {
    const [row] = await db
      .update(terminals)
      .set({ tokenHash, pairedAt: now, lastSeenAt: now, pairingCodeHash: null, pairingExpiresAt: null })
      .where(and(eq(terminals.id, id), eq(terminals.pairingCodeHash, codeHash), isNull(terminals.revokedAt)))
      .returning();
    return row;
  },

  /** The terminal with the room and service point it serves, for the kiosk itself. */
  async withPlace(db: Db, id: string) {
    const rows = await db
      .select({ terminal: terminals, room: rooms, servicePoint: servicePoints })
      .from(terminals)
      .innerJoin(rooms, eq(rooms.id, terminals.roomId))
      .innerJoin(servicePoints, eq(servicePoints.id, rooms.servicePointId))
      .where(eq(terminals.id, id))
      .limit(1);
    return rows[0];
  },
};
