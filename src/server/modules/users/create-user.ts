import type { CreateUserRequest } from '../../../shared/users.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { sqlState } from '../../db/client.js';
import { conflict, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { issuePasswordLink } from './password-link.js';
import { presentUser } from './present.js';
import { authorizeRoleChange, checkRoleScope, roleNames } from './role-grants.js';
import { userRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';

export const emailTaken = () => conflict('user.email_taken', 'An account with this email address exists already');

/** A new staff account with no password: the admin hands over the one-time link returned here. */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserRequest, ip?: string) {
  const result = await ctx.db.transaction(async (tx) => {
    if (!(await directoryRepository.organisationById(tx, input.organisationId))) {
      throw invalid('user.organisation_unknown', 'The organisation does not exist', [{ path: 'organisationId', message: 'unknown organisation' }]);
    }
    authorizeRoleChange(actor, [], input.roles);
    const roles = await checkRoleScope(tx, input.organisationId, input.roles);
    if (await userRepository.byEmail(tx, input.email)) throw emailTaken();
    const user = await userRepository.create(tx, { organisationId: input.organisationId, email: input.email, name: input.name }).catch((e: unknown) => {
      throw sqlState(e) === '23505' ? emailTaken() : e;
    });
    await userRepository.replaceRoles(tx, user.id, roles);
    const target = { targetType: 'user', targetId: user.id, organisationId: user.organisationId };
    await recordAudit(tx, actor, { action: 'user.created', ...target, details: { roles: roleNames(roles) } }, ip);
    const link = await issuePasswordLink({ ...ctx, db: tx }, user.id);
    await recordAudit(tx, actor, { action: 'user.password_link_issued', ...target }, ip);
    return { user: presentUser(user, roles), setPasswordUrl: link.url, expiresAt: link.expiresAt.toISOString() };
  });
  // The agency's experts are in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
