import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createIdentityProviderRequest,
  identityProviderParams,
  identityProviderView,
  updateIdentityProviderRequest,
} from '../../../shared/identity-providers.js';
import { identityProviderRepository } from '../../auth/oidc/repository.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { createIdentityProvider } from './create-identity-provider.js';
import { presentIdentityProvider } from './present.js';
import { updateIdentityProvider } from './update-identity-provider.js';

const tags = ['identity-providers'];

/** Organisations' OpenID Connect providers (docs/oidc.md): configured by the main admin alone. */
export function identityProviderRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/identity-providers', { schema: { tags, response: { 200: z.array(identityProviderView) } } }, async (request) => {
    authorize(request.actor, 'identity-provider:manage');
    return (await identityProviderRepository.list(ctx.db)).map((row) => presentIdentityProvider(ctx.config, row));
  });

  r.post(
    '/api/identity-providers',
    { schema: { tags, body: createIdentityProviderRequest, response: { 201: identityProviderView } } },
    async (request, reply) => {
      authorize(request.actor, 'identity-provider:manage');
      return reply.status(201).send(await createIdentityProvider(ctx, request.actor, request.body, request.ip));
    },
  );

  r.patch(
    '/api/identity-providers/:id',
    { schema: { tags, params: identityProviderParams, body: updateIdentityProviderRequest, response: { 200: identityProviderView } } },
    async (request) => {
      authorize(request.actor, 'identity-provider:manage');
      return updateIdentityProvider(ctx, request.actor, request.params.id, request.body, request.ip);
    },
  );
}
