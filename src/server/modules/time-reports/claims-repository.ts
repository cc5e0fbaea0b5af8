import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agreements, costClaims } from '../../db/schema/index.js';
import type { ClaimCategory } from '../../../shared/time-reports.js';

export type CostClaimRow = typeof costClaims.$inferSelect;

/** Cost claims: the only path to their table. Lists never load receipt bytes. */
const meta = {
  id: costClaims.id,
  agreementId: costClaims.agreementId,
  category: costClaims.category,
  amountCents: costClaims.amountCents,
  date: costClaims.date,
  description: costClaims.description,
  status: costClaims.status,
  receiptMediaType: costClaims.receiptMediaType,
  receiptSizeBytes: costClaims.receiptSizeBytes,
  createdBy: costClaims.createdBy,
  createdAt: costClaims.createdAt,
  decidedBy: costClaims.decidedBy,
  decidedAt: costClaims.decidedAt,
  comment: costClaims.comment,
};
export type CostClaimMeta = Omit<CostClaimRow, 'receipt' | 'receiptSha256'>;

export const claimsRepository = {
  /** Serialises claims against one agreement, so two claims cannot both fit under the same cap. */
  async lockAgreement(db: Db, agreementId: string) {
    await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreementId)).for('update');
  },

  /** Approved and pending claims of a category over the agreement's whole validity. */
  async usedCents(db: Db, agreementId: string, category: ClaimCategory) {
    const [row] = await db
      .select({ used: sql<number>`coalesce(sum(${costClaims.amountCents}), 0)::int` })
      .from(costClaims)
      .where(and(eq(costClaims.agreementId, agreementId), eq(costClaims.category, category), inArray(costClaims.status, ['pending', 'approved'])));
    return row?.used ?? 0;
  },

  async insert(db: Db, row: typeof costClaims.$inferInsert) {
    const [created] = await db.insert(costClaims).values(row).returning(meta);
    return created!;
  },

  async byId(db: Db, id: string, forUpdate = false): Promise<CostClaimMeta | undefined> {
    const q = db.select(meta).from(costClaims).where(eq(costClaims.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },

  async receipt(db: Db, id: string) {
    const [row] = await db.select({ receipt: costClaims.receipt, mediaType: costClaims.receiptMediaType }).from(costClaims).where(eq(costClaims.id, id));
    return row?.receipt ? { content: row.receipt, mediaType: row.mediaType! } : undefined;
  },

  async list(db: Db, agreementIds: string[]): Promise<CostClaimMeta[]> {
    if (agreementIds.length === 0) return [];
    return db.select(meta).from(costClaims).where(inArray(costClaims.agreementId, agreementIds)).orderBy(asc(costClaims.date), asc(costClaims.createdAt));
  },

  async update(db: Db, id: string, patch: Partial<typeof costClaims.$inferInsert>) {
    await db.update(costClaims).set(patch).where(eq(costClaims.id, id));
  },
};
