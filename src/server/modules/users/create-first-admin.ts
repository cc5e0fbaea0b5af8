import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { organisations } from '../../db/schema/index.js';
import { anonymous } from '../../auth/actor.js';
import { recordAudit } from '../audit/record.js';
import { issuePasswordLink } from './password-link.js';
import { userRepository } from './repository.js';

/**
 * Production bootstrap from the command line: the main-admin organisation (created when missing) and its first
 * main admin, who sets a password through a one-time link and must enrol MFA at first sign-in.
 */
export async function createFirstAdmin(ctx: AppContext, input: { email: string; name: string; organisationName: string }) {
  return ctx.db.transaction(async (tx) => {
    let [org] = await tx.select().from(organisations).where(eq(organisations.isMainAdmin, true)).limit(1);
    if (!org) {
      const n = input.organisationName;
      [org] = await tx.insert(organisations).values({ kind: 'ministry', isMainAdmin: true, shortName: n.slice(0, 40), name: { fi: n, sv: n, en: n } }).returning();
    }
    if (await userRepository.byEmail(tx, input.email)) throw new Error(`A user with email ${input.email} exists already`);
    const user = await userRepository.create(tx, { organisationId: org!.id, email: input.email.trim().toLowerCase(), name: input.name });
    await userRepository.replaceRoles(tx, user.id, [{ role: 'main-admin', organisationId: org!.id }]);
    await recordAudit(tx, anonymous, { action: 'user.created', targetType: 'user', targetId: user.id, organisationId: org!.id, details: { via: 'cli', roles: ['main-admin'] } });
    return issuePasswordLink({ ...ctx, db: tx }, user.id);
  });
}
