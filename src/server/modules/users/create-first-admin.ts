import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { organisations } from '../../db/schema/index.js';
import { anonymous } from '../../auth/actor.js';
import { recordAudit } from '../audit/record.js';
import { issuePasswordLink } from './password-link.js';
import { userRepository } from './repository.js';

/** The ministry that administers the platform today, in its three languages. */
export const DEFAULT_MAIN_ADMIN_ORGANISATION = {
  name: { fi: 'Valtiovarainministeriö', sv: 'Finansministeriet', en: 'Ministry of Finance' },
  shortName: { fi: 'VM', sv: 'FM', en: 'VM' },
};

type Names = { fi: string; sv?: string; en?: string };
export type FirstAdminInput = { email: string; name: string; organisationName?: Names; organisationShortName?: Names };

/**
 * Production bootstrap from the command line: the main-admin organisation (created when missing) and its first
 * main admin, who sets a password through a one-time link and must enrol MFA at first sign-in.
 * Names are per language; a language not given takes the Finnish text, and `copiedLanguages` says which did, so the
 * command can tell the operator to correct them in admin → organisations.
 */
export async function createFirstAdmin(ctx: AppContext, input: FirstAdminInput) {
  const copiedLanguages: string[] = [];
  return ctx.db.transaction(async (tx) => {
    let [org] = await tx.select().from(organisations).where(eq(organisations.isMainAdmin, true)).limit(1);
    if (!org) {
      const given = input.organisationName ?? DEFAULT_MAIN_ADMIN_ORGANISATION.name;
      const short = input.organisationShortName ?? (input.organisationName ? { fi: given.fi.slice(0, 40) } : DEFAULT_MAIN_ADMIN_ORGANISATION.shortName);
      const complete = (n: Names, max: number) => {
        for (const l of ['sv', 'en'] as const) if (!n[l]?.trim() && !copiedLanguages.includes(l)) copiedLanguages.push(l);
        return { fi: n.fi.slice(0, max), sv: (n.sv?.trim() || n.fi).slice(0, max), en: (n.en?.trim() || n.fi).slice(0, max) };
      };
      [org] = await tx.insert(organisations).values({ kind: 'ministry', isMainAdmin: true, name: complete(given, 200), shortName: complete(short, 40) }).returning();
    }
    if (await userRepository.byEmail(tx, input.email)) throw new Error(`A user with email ${input.email} exists already`);
    const user = await userRepository.create(tx, { organisationId: org!.id, email: input.email.trim().toLowerCase(), name: input.name });
    await userRepository.replaceRoles(tx, user.id, [{ role: 'main-admin', organisationId: org!.id }]);
    await recordAudit(tx, anonymous, { action: 'user.created', targetType: 'user', targetId: user.id, organisationId: org!.id, details: { via: 'cli', roles: ['main-admin'] } });
    return { ...(await issuePasswordLink({ ...ctx, db: tx }, user.id)), copiedLanguages };
  });
}
