import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rooms, terminals } from '../../db/schema/index.js';

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

  async byId(db: Db, id: string) {
    const rows = await db.select().from(terminals).where(eq(terminals.id, id)).limit(1);
    return rows[0];
  },

  async listForRooms(db: Db) {
    return db.select().from(terminals).orderBy(terminals.createdAt);
  },

  async create(db: Db, t: { roomId: string; name: string; pairingCodeHash: string; pairingExpiresAt: Date }) {
    const [row] = await db.insert(terminals).values(t).returning();
    return row!;
  },

  async update(db: Db, id: string, patch: Partial<typeof terminals.$inferInsert>) {
    const [row] = await db.update(terminals).set(patch).where(eq(terminals.id, id)).returning();
    return row;
  },
};
