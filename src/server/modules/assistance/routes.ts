import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  buttonCreated,
  buttonInput,
  buttonView,
  buttonsResponse,
  callView,
  callsQuery,
  callsResponse,
  heartbeatRequest,
  heartbeatResponse,
  identityCheckResultRequest,
  identityCheckView,
  identityChecksQuery,
  identityChecksResponse,
  incidentInput,
  incidentView,
  incidentsQuery,
  incidentsResponse,
  pressParams,
  pressResponse,
  statusBoard,
  terminalCallState as terminalCallStateSchema,
} from '../../../shared/assistance.js';
import { idParams } from '../../../shared/common.js';
import type { TerminalActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { unauthenticated } from '../../http/problem.js';
import { acknowledgeCall } from './acknowledge-call.js';
import { closeCall } from './close-call.js';
import { listIncidents, reportIncident, resolveIncident } from './incidents.js';
import { listCalls, terminalCallState } from './list-calls.js';
import { listIdentityChecksOfBooking, listOpenIdentityChecks } from './list-identity-checks.js';
import { createButton, listButtons, revokeButton } from './manage-buttons.js';
import { acknowledgeIdentityCheck, cancelIdentityCheck, recordIdentityCheckResult } from './perform-identity-check.js';
import { pressButton } from './press-button.js';
import type { PressResult } from './register-press.js';
import { requestIdentityCheck } from './request-identity-check.js';
import { getStatusBoard } from './status-board.js';
import { placeTerminalCall, recordHeartbeat } from './terminal-device.js';

const tags = ['assistance'];

const pressAnswer = ({ call, joined }: PressResult) => ({ callId: call.id, status: call.status, repeatCount: call.repeatCount, joined });

function requireTerminal(actor: Parameters<typeof authorize>[0]): TerminalActor {
  authorize(actor, 'terminal:self');
  if (actor.kind !== 'terminal') throw unauthenticated();
  return actor;
}

/** Call buttons, calls, identity checks, incidents and the status board (docs/assistance.md). */
export function assistanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Buttons: registered by the main admin; the token is shown once.
  r.post('/api/rooms/:id/buttons', { schema: { tags, params: idParams, body: buttonInput, response: { 201: buttonCreated } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'button:manage', { roomId: request.params.id });
    return reply.status(201).send(await createButton(ctx, actor, request.params.id, request.body.name, request.ip));
  });
  r.get('/api/rooms/:id/buttons', { schema: { tags, params: idParams, response: { 200: buttonsResponse } } }, async (request) => {
    authorize(requireUser(request), 'button:view', { roomId: request.params.id });
    return { buttons: await listButtons(ctx, request.params.id) };
  });
  r.post('/api/buttons/:id/revoke', { schema: { tags, params: idParams, response: { 200: buttonView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'button:manage');
    return revokeButton(ctx, actor, request.params.id, request.ip);
  });

  // A button's press carries its own bearer token and any body (webhook buttons send their own JSON, or none):
  // registered in its own context with a body parser that reads and ignores whatever comes.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_request, _body, done) => done(null, undefined));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/buttons/:id/press',
      {
        schema: { tags, security: [{ bearer: [] }], params: pressParams, response: { 200: pressResponse, 201: pressResponse } },
        config: { ownBearer: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const auth = request.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
        const result = await pressButton(ctx, request.params.id, token, 'http', request.ip);
        return reply.status(result.joined ? 200 : 201).send(pressAnswer(result));
      },
    );
  });

  // Calls, for the desks.
  r.get('/api/calls', { schema: { tags, querystring: callsQuery, response: { 200: callsResponse } } }, async (request) => ({
    calls: await listCalls(ctx, requireUser(request), request.query.servicePointId),
  }));
  r.post('/api/calls/:id/acknowledge', { schema: { tags, params: idParams, response: { 200: callView } } }, async (request) =>
    acknowledgeCall(ctx, requireUser(request), request.params.id, request.ip),
  );
  r.post('/api/calls/:id/close', { schema: { tags, params: idParams, response: { 200: callView } } }, async (request) =>
    closeCall(ctx, requireUser(request), request.params.id, request.ip),
  );

  // The kiosk: its on-screen call button, its room's call state, its heartbeat.
  r.post('/api/terminal/call', { schema: { tags, security: [{ bearer: [] }], response: { 200: pressResponse, 201: pressResponse } } }, async (request, reply) => {
    const result = await placeTerminalCall(ctx, requireTerminal(request.actor), request.ip);
    return reply.status(result.joined ? 200 : 201).send(pressAnswer(result));
  });
  r.get('/api/terminal/call', { schema: { tags, security: [{ bearer: [] }], response: { 200: terminalCallStateSchema } } }, async (request) =>
    terminalCallState(ctx, requireTerminal(request.actor)),
  );
  r.post('/api/terminal/heartbeat', { schema: { tags, security: [{ bearer: [] }], body: heartbeatRequest, response: { 200: heartbeatResponse } } }, async (request) => ({
    receivedAt: (await recordHeartbeat(ctx, requireTerminal(request.actor), request.body)).toISOString(),
  }));

  // Identity checks.
  r.post('/api/bookings/:id/identity-checks', { schema: { tags, params: idParams, response: { 200: identityCheckView, 201: identityCheckView } } }, async (request, reply) => {
    const { check, created } = await requestIdentityCheck(ctx, requireUser(request), request.params.id, request.ip);
    return reply.status(created ? 201 : 200).send(check);
  });
  r.get('/api/bookings/:id/identity-checks', { schema: { tags, params: idParams, response: { 200: identityChecksResponse } } }, async (request) => ({
    identityChecks: await listIdentityChecksOfBooking(ctx, requireUser(request), request.params.id),
  }));
  r.get('/api/identity-checks', { schema: { tags, querystring: identityChecksQuery, response: { 200: identityChecksResponse } } }, async (request) => ({
    identityChecks: await listOpenIdentityChecks(ctx, requireUser(request), request.query.servicePointId),
  }));
  r.post('/api/identity-checks/:id/acknowledge', { schema: { tags, params: idParams, response: { 200: identityCheckView } } }, async (request) =>
    acknowledgeIdentityCheck(ctx, requireUser(request), request.params.id, request.ip),
  );
  r.post(
    '/api/identity-checks/:id/result',
    { schema: { tags, params: idParams, body: identityCheckResultRequest, response: { 200: identityCheckView } } },
    async (request) => recordIdentityCheckResult(ctx, requireUser(request), request.params.id, request.body, request.ip),
  );
  r.post('/api/identity-checks/:id/cancel', { schema: { tags, params: idParams, response: { 200: identityCheckView } } }, async (request) =>
    cancelIdentityCheck(ctx, requireUser(request), request.params.id, request.ip),
  );

  // Incidents.
  r.post('/api/incidents', { schema: { tags, body: incidentInput, response: { 201: incidentView } } }, async (request, reply) =>
    reply.status(201).send(await reportIncident(ctx, requireUser(request), request.body, request.ip)),
  );
  r.get('/api/incidents', { schema: { tags, querystring: incidentsQuery, response: { 200: incidentsResponse } } }, async (request) => ({
    incidents: await listIncidents(ctx, requireUser(request), request.query),
  }));
  r.post('/api/incidents/:id/resolve', { schema: { tags, params: idParams, response: { 200: incidentView } } }, async (request) =>
    resolveIncident(ctx, requireUser(request), request.params.id, request.ip),
  );

  // The live status board.
  r.get('/api/service-points/:id/status', { schema: { tags, params: idParams, response: { 200: statusBoard } } }, async (request) =>
    getStatusBoard(ctx, requireUser(request), request.params.id),
  );
}
