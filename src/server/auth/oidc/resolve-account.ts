import { AGENCY_ROLES, type Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../modules/audit/record.js';
import { type UserRow, userRepository } from '../../modules/users/repository.js';
import type { RoleGrant, SystemActor } from '../actor.js';
import type { Provider } from './providers.js';
import { identityProviderRepository } from './repository.js';
import { OidcRefusal, noAccount } from './refusal.js';

export type IdentityClaims = {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  [claim: string]: unknown;
};

/** Changes made by the sign-in itself (a link, an account, mapped roles) are the system's, not a person's. */
const oidcActor: SystemActor = { kind: 'system', component: 'oidc' };
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The Etäpiste account a provider's subject signs in to. A linked subject is its account. Otherwise the first
 * sign-in links by verified e-mail to an existing account of one of the provider's organisations (audited); an
 * account is created only when the provider allows it, and then with no role (unless the provider maps groups).
 * Call inside a transaction.
 */
export async function resolveAccount(tx: Db, provider: Provider, claims: IdentityClaims, ip: string): Promise<UserRow> {
  const linkedId = await identityProviderRepository.linkedUserId(tx, claims.iss, claims.sub);
  const user = linkedId ? await userRepository.byId(tx, linkedId) : await linkByEmail(tx, provider, claims, ip);
  if (!user) throw noAccount('link-lost');
  // The admin may have narrowed the provider's organisations since the link was made.
  if (!provider.organisationIds.includes(user.organisationId)) throw noAccount('other-organisation', user.id, user.organisationId);
  if (!user.active) throw new OidcRefusal('auth.oidc_inactive', 'inactive', user.id, user.organisationId);
  if (linkedId) await identityProviderRepository.touchLink(tx, claims.iss, claims.sub, new Date());
  await applyGroupRoles(tx, provider, user, claims, ip);
  return user;
}

async function linkByEmail(tx: Db, provider: Provider, claims: IdentityClaims, ip: string): Promise<UserRow> {
  const email = text(claims.email)?.toLowerCase();
  // Only an address the provider has verified may claim an account: anyone can type an address into a profile.
  if (!email || claims.email_verified !== true) throw noAccount('email-unverified');
  const domain = email.split('@')[1] ?? '';
  if (provider.emailDomains.length > 0 && !provider.emailDomains.includes(domain)) throw noAccount('email-domain');
  let user = await userRepository.byEmail(tx, email);
  if (user && !provider.organisationIds.includes(user.organisationId)) throw noAccount('other-organisation', user.id, user.organisationId);
  if (user && (await identityProviderRepository.hasLinkFrom(tx, user.id, claims.iss))) {
    // Another subject of this provider holds the account: an address moved to someone else must not take it over.
    throw noAccount('linked-to-other-subject', user.id, user.organisationId);
  }
  if (!user) {
    const organisationId = provider.organisationIds.length === 1 ? provider.organisationIds[0] : undefined;
    if (!provider.allowCreate || !organisationId) throw noAccount('unknown-account');
    user = await userRepository.create(tx, { organisationId, email, name: displayName(claims, email), passwordHash: null });
    await recordAudit(tx, oidcActor, { action: 'user.created', targetType: 'user', targetId: user.id, organisationId, details: { source: 'oidc', provider: provider.id } }, ip);
  }
  await identityProviderRepository.link(tx, { userId: user.id, issuer: claims.iss, subject: claims.sub });
  await recordAudit(tx, oidcActor, { action: 'auth.oidc_linked', targetType: 'user', targetId: user.id, organisationId: user.organisationId, details: { provider: provider.id } }, ip);
  return user;
}

function displayName(claims: IdentityClaims, email: string): string {
  const parts = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return (text(claims.name) ?? parts) || email;
}

/**
 * Roles named in the provider's group mapping follow the groups claim at every sign-in; roles the mapping does
 * not name stay as the admins set them. Only agency roles can be mapped, in the user's own organisation.
 */
async function applyGroupRoles(tx: Db, provider: Provider, user: UserRow, claims: IdentityClaims, ip: string) {
  if (!provider.groupClaim || Object.keys(provider.groupRoles).length === 0) return;
  const raw = claims[provider.groupClaim];
  const groups = new Set(Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : typeof raw === 'string' ? [raw] : []);
  const mapped = new Set(Object.values(provider.groupRoles).filter((r): r is Role => AGENCY_ROLES.includes(r as Role)) as Role[]);
  const wanted = new Set(Object.entries(provider.groupRoles).filter(([g, r]) => groups.has(g) && mapped.has(r as Role)).map(([, r]) => r as Role));
  const current = (await userRepository.rolesOf(tx, [user.id])).get(user.id) ?? [];
  const kept = current.filter((g) => !mapped.has(g.role) || (wanted.has(g.role) && g.organisationId === user.organisationId));
  const added: RoleGrant[] = [...wanted].filter((r) => !kept.some((g) => g.role === r)).map((role) => ({ role, organisationId: user.organisationId }));
  const removed = current.filter((g) => !kept.includes(g));
  if (added.length === 0 && removed.length === 0) return;
  await userRepository.replaceRoles(tx, user.id, [...kept, ...added]);
  await recordAudit(
    tx,
    oidcActor,
    {
      action: 'user.roles_changed',
      targetType: 'user',
      targetId: user.id,
      organisationId: user.organisationId,
      details: { source: 'oidc-groups', provider: provider.id, added: added.map((g) => g.role), removed: removed.map((g) => g.role) },
    },
    ip,
  );
}
