import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencyApiTokens, agencyDocumentKeys } from '../../db/schema/index.js';

/** The agencies' document keys (keys.ts) and API tokens (agency-tokens.ts). */
export type AgencyKeyRow = typeof agencyDocumentKeys.$inferSelect;
export type TokenRow = typeof agencyApiTokens.$inferSelect;

export const keyRepository = {
  async get(db: Db, agencyId: string, opts: { lock?: boolean } = {}): Promise<AgencyKeyRow | undefined> {
    const q = db.select().from(agencyDocumentKeys).where(eq(agencyDocumentKeys.agencyId, agencyId));
    const [row] = await (opts.lock ? q.for('update') : q).limit(1);
    return row;
  },

  /** Inserts the agency's first key unless another transaction just did; returns the row in force. */
  async insertOrGet(db: Db, row: typeof agencyDocumentKeys.$inferInsert): Promise<AgencyKeyRow> {
    const [inserted] = await db.insert(agencyDocumentKeys).values(row).onConflictDoNothing().returning();
    if (inserted) return inserted;
    return (await keyRepository.get(db, row.agencyId))!;
  },

  async update(db: Db, agencyId: string, patch: Partial<AgencyKeyRow>) {
    await db.update(agencyDocumentKeys).set(patch).where(eq(agencyDocumentKeys.agencyId, agencyId));
  },

  async allForUpdate(db: Db): Promise<AgencyKeyRow[]> {
    return db.select().from(agencyDocumentKeys).for('update');
  },
};

export const tokenRepository = {
  async insert(db: Db, t: typeof agencyApiTokens.$inferInsert): Promise<TokenRow> {
    const [row] = await db.insert(agencyApiTokens).values(t).returning();
    return row!;
  },
  async byId(db: Db, id: string): Promise<TokenRow | undefined> {
    const [row] = await db.select().from(agencyApiTokens).where(eq(agencyApiTokens.id, id)).limit(1);
    return row;
  },
  async activeByHash(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
    const [row] = await db
      .select()
      .from(agencyApiTokens)
      .where(and(eq(agencyApiTokens.tokenHash, tokenHash), isNull(agencyApiTokens.revokedAt)))
      .limit(1);
    return row;
  },
  async ofAgency(db: Db, agencyId: string): Promise<TokenRow[]> {
    return db.select().from(agencyApiTokens).where(eq(agencyApiTokens.agencyId, agencyId)).orderBy(desc(agencyApiTokens.createdAt));
  },
  async update(db: Db, id: string, patch: Partial<TokenRow>): Promise<TokenRow> {
    const [row] = await db.update(agencyApiTokens).set(patch).where(eq(agencyApiTokens.id, id)).returning();
    return row!;
  },
};
