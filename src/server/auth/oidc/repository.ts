import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identityProviders, organisations, shortNameIs, userIdentities } from '../../db/schema/index.js';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;

export const identityProviderRepository = {
  async list(db: Db): Promise<IdentityProviderRow[]> {
    return db.select().from(identityProviders).orderBy(identityProviders.name);
  },

  async byId(db: Db, id: string): Promise<IdentityProviderRow | undefined> {
    const rows = await db.select().from(identityProviders).where(eq(identityProviders.id, id)).limit(1);
    return rows[0];
  },

  async create(db: Db, row: typeof identityProviders.$inferInsert): Promise<IdentityProviderRow> {
    const [created] = await db.insert(identityProviders).values(row).returning();
    return created!;
  },

  async update(db: Db, id: string, patch: Partial<typeof identityProviders.$inferInsert>): Promise<IdentityProviderRow | undefined> {
    const [row] = await db.update(identityProviders).set({ ...patch, updatedAt: new Date() }).where(eq(identityProviders.id, id)).returning();
    return row;
  },

  /** The organisation of the environment's provider, by its short name in any language (OIDC_ORGANISATION). */
  async organisationIdByShortName(db: Db, shortName: string): Promise<string | undefined> {
    const rows = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(shortNameIs(shortName.trim()))
      .limit(2);
    return rows.length === 1 ? rows[0]!.id : undefined;
  },

  async linkedUserId(db: Db, issuer: string, subject: string): Promise<string | undefined> {
    const rows = await db
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
      .limit(1);
    return rows[0]?.userId;
  },

  async hasLinkFrom(db: Db, userId: string, issuer: string): Promise<boolean> {
    const rows = await db
      .select({ id: userIdentities.id })
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, issuer)))
      .limit(1);
    return rows.length > 0;
  },

  async link(db: Db, link: { userId: string; issuer: string; subject: string }) {
    await db.insert(userIdentities).values({ ...link, lastUsedAt: new Date() });
  },

  async touchLink(db: Db, issuer: string, subject: string, at: Date) {
    await db.update(userIdentities).set({ lastUsedAt: at }).where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  },
};
