import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.js';
import { pairRequest, pairResponse, pairingCodeResponse, terminalInput, terminalSelf, terminalView } from '../../../shared/directory.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { unauthenticated } from '../../http/problem.js';
import { createTerminal } from './create-terminal.js';
import { issuePairingCode } from './issue-pairing-code.js';
import { pairTerminal } from './pair-terminal.js';
import { revokeTerminal } from './revoke-terminal.js';
import { terminalCheckIn } from './terminal-self.js';

const tags = ['terminals'];

/** Kiosk devices: the main admin registers, re-pairs and revokes them; a kiosk pairs itself with a one-time code. */
export function terminalRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/rooms/:id/terminals',
    { schema: { tags, params: idParams, body: terminalInput, response: { 201: pairingCodeResponse } } },
    async (request, reply) => {
      authorize(request.actor, 'terminal:manage', { roomId: request.params.id });
      const created = await createTerminal(ctx, request.actor, request.params.id, request.body.name, request.ip);
      return reply.status(201).send(created);
    },
  );

  r.post(
    '/api/terminals/:id/pairing-code',
    { schema: { tags, params: idParams, response: { 200: pairingCodeResponse } } },
    async (request) => {
      authorize(request.actor, 'terminal:manage');
      return issuePairingCode(ctx, request.actor, request.params.id, request.ip);
    },
  );

  r.post('/api/terminals/:id/revoke', { schema: { tags, params: idParams, response: { 200: terminalView } } }, async (request) => {
    authorize(request.actor, 'terminal:manage');
    return revokeTerminal(ctx, request.actor, request.params.id, request.ip);
  });

  // Public: the kiosk has no credential yet. The code space is 10^8, so the rate limit makes guessing futile.
  r.post(
    '/api/terminal/pair',
    { schema: { tags, body: pairRequest, response: { 200: pairResponse } }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => pairTerminal(ctx, request.body.code, request.ip),
  );

  r.get('/api/terminal/me', { schema: { tags, security: [{ bearer: [] }], response: { 200: terminalSelf } } }, async (request) => {
    authorize(request.actor, 'terminal:self');
    if (request.actor.kind !== 'terminal') throw unauthenticated();
    return terminalCheckIn(ctx, request.actor.terminalId);
  });
}
