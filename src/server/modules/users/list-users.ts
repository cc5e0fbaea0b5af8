import type { UserView } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import { managedOrganisations } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { presentUser } from './present.js';
import { userRepository } from './repository.js';

/** Staff accounts the actor manages (all for the main admin, its own agency's for an agency admin). Audited: it is personal data. */
export async function listUsers(ctx: AppContext, actor: Actor, organisationId: string | undefined, ip?: string): Promise<UserView[]> {
  const scope = organisationId ? [organisationId] : managedOrganisations(actor);
  const rows = await userRepository.list(ctx.db, scope);
  const roles = await userRepository.rolesOf(ctx.db, rows.map((u) => u.id));
  await recordAudit(ctx.db, actor, { action: 'user.list', organisationId, details: { count: rows.length } }, ip);
  return rows.map((u) => presentUser(u, roles.get(u.id) ?? []));
}
