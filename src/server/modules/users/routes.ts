import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import { createUserRequest, setRolesRequest, updateUserRequest, userListQuery, userView, userWithLinkResponse } from '../../../shared/users.js';
import { authorize, managedOrganisations } from '../../auth/policy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { activateUser } from './activate-user.js';
import { createUser } from './create-user.js';
import { deactivateUser } from './deactivate-user.js';
import { getUser } from './get-user.js';
import { issueUserPasswordLink } from './issue-user-password-link.js';
import { listUsers } from './list-users.js';
import { resetUserMfa } from './reset-user-mfa.js';
import { setUserRoles } from './set-user-roles.js';
import { updateUser } from './update-user.js';

const tags = ['users'];

/**
 * Staff accounts. The main admin manages all; an agency admin its own agency's. Per-account endpoints check the
 * account's organisation after loading it (accounts outside the actor's organisations answer 404).
 */
export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', { schema: { tags, querystring: userListQuery, response: { 200: z.array(userView) } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:list', { organisationId: request.query.organisationId ?? managedOrganisations(actor)?.[0] });
    return listUsers(ctx, actor, request.query.organisationId, request.ip);
  });

  r.post('/api/users', { schema: { tags, body: createUserRequest, response: { 201: userWithLinkResponse } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'user:manage', { organisationId: request.body.organisationId });
    const created = await createUser(ctx, actor, request.body, request.ip);
    return reply.status(201).send(created);
  });

  r.get('/api/users/:id', { schema: { tags, params: idParams, response: { 200: userView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return getUser(ctx, actor, request.params.id, request.ip);
  });

  r.patch('/api/users/:id', { schema: { tags, params: idParams, body: updateUserRequest, response: { 200: userView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return updateUser(ctx, actor, request.params.id, request.body, request.ip);
  });

  r.put('/api/users/:id/roles', { schema: { tags, params: idParams, body: setRolesRequest, response: { 200: userView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return setUserRoles(ctx, actor, request.params.id, request.body.roles, request.ip);
  });

  r.post('/api/users/:id/deactivate', { schema: { tags, params: idParams, response: { 200: userView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return deactivateUser(ctx, actor, request.params.id, request.ip);
  });

  r.post('/api/users/:id/activate', { schema: { tags, params: idParams, response: { 200: userView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return activateUser(ctx, actor, request.params.id, request.ip);
  });

  r.post('/api/users/:id/mfa/reset', { schema: { tags, params: idParams, response: { 200: userView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return resetUserMfa(ctx, actor, request.params.id, request.ip);
  });

  r.post('/api/users/:id/password-link', { schema: { tags, params: idParams, response: { 200: userWithLinkResponse } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'user:administer');
    return issueUserPasswordLink(ctx, actor, request.params.id, request.ip);
  });
}
