import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.js';
import {
  bookingIdParams,
  endRequest,
  extendRequest,
  feedbackRequest,
  iceServersResponse,
  interpreterLinkResponse,
  invitableQuery,
  invitableResponse,
  inviteRequest,
  joinCodeParams,
  joinInfoView,
  joinRequest,
  joinResponse,
  meetingView,
  meetingsQuery,
  meetingsResponse,
  terminalCheckInRequest,
  terminalSessionView,
} from '../../../shared/meetings.js';
import type { TerminalActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { unauthenticated } from '../../http/problem.js';
import { endMeeting } from './end-meeting.js';
import { getMeeting } from './get-meeting.js';
import { admitCustomer, extendMeeting, inviteExpert } from './host-actions.js';
import { iceServersFor } from './ice-servers.js';
import { createInterpreterLink } from './interpreter-link.js';
import { ensureParticipant, invitableExperts, leaveMeeting } from './participants.js';
import { joinInfo, joinWithPin } from './join.js';
import { listMeetings } from './list-meetings.js';
import { openMeeting } from './open-meeting.js';
import { registerSignalling } from './signal-route.js';
import { checkInAtTerminal, giveFeedback, terminalSession } from './terminal-session.js';

const tags = ['meetings'];

function requireTerminal(actor: { kind: string }): TerminalActor {
  if (actor.kind !== 'terminal') throw unauthenticated();
  return actor as TerminalActor;
}

/** Remote meetings (docs/meetings.md): HTTP for state changes, a WebSocket per meeting for signalling. */
export function meetingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerSignalling(app, ctx);

  r.get('/api/meetings', { schema: { tags, querystring: meetingsQuery, response: { 200: meetingsResponse } } }, async (request) =>
    listMeetings(ctx, requireUser(request), request.query.day, request.ip),
  );

  r.get('/api/meetings/invitable-experts', { schema: { tags, querystring: invitableQuery, response: { 200: invitableResponse } } }, async (request) => ({
    experts: await invitableExperts(ctx, requireUser(request), request.query.meetingId),
  }));

  r.post('/api/bookings/:bookingId/meeting', { schema: { tags, params: bookingIdParams, response: { 200: meetingView } } }, async (request) =>
    openMeeting(ctx, requireUser(request), request.params.bookingId, request.ip),
  );

  r.get('/api/meetings/:id', { schema: { tags, params: idParams, response: { 200: meetingView } } }, async (request) => {
    if (request.actor.kind === 'anonymous') throw unauthenticated();
    return getMeeting(ctx, request.actor, request.params.id, request.ip);
  });

  r.post('/api/meetings/:id/admit', { schema: { tags, params: idParams, response: { 200: meetingView } } }, async (request) =>
    admitCustomer(ctx, requireUser(request), request.params.id, request.ip),
  );

  r.post('/api/meetings/:id/invitations', { schema: { tags, params: idParams, body: inviteRequest, response: { 200: meetingView } } }, async (request) =>
    inviteExpert(ctx, requireUser(request), request.params.id, request.body.userId, request.ip),
  );

  r.post('/api/meetings/:id/interpreter-link', { schema: { tags, params: idParams, response: { 200: interpreterLinkResponse } } }, async (request) =>
    createInterpreterLink(ctx, requireUser(request), request.params.id, `${request.protocol}://${request.host}`, request.ip),
  );

  r.post('/api/meetings/:id/extend', { schema: { tags, params: idParams, body: extendRequest, response: { 200: meetingView } } }, async (request) =>
    extendMeeting(ctx, requireUser(request), request.params.id, request.body.minutes, request.ip),
  );

  r.post('/api/meetings/:id/end', { schema: { tags, params: idParams, body: endRequest, response: { 200: meetingView } } }, async (request) =>
    endMeeting(ctx, requireUser(request), request.params.id, request.body, request.ip),
  );

  r.post('/api/meetings/:id/leave', { schema: { tags, params: idParams } }, async (request, reply) => {
    await leaveMeeting(ctx, request.actor, request.params.id, request.ip);
    return reply.status(204).send();
  });

  r.get('/api/meetings/:id/ice-servers', { schema: { tags, params: idParams, response: { 200: iceServersResponse } } }, async (request) => {
    const { participantId } = await ensureParticipant(ctx, request.actor, request.params.id);
    return iceServersFor(ctx.config, participantId);
  });

  r.post('/api/terminal/check-in', { schema: { tags, body: terminalCheckInRequest, response: { 200: terminalSessionView } } }, async (request) =>
    checkInAtTerminal(ctx, requireTerminal(request.actor), request.body.reference, request.ip),
  );

  r.get('/api/terminal/session', { schema: { tags, response: { 200: terminalSessionView } } }, async (request) => terminalSession(ctx, requireTerminal(request.actor)));

  r.post('/api/terminal/feedback', { schema: { tags, body: feedbackRequest } }, async (request, reply) => {
    await giveFeedback(ctx, requireTerminal(request.actor), request.body.meetingId, request.body.score, request.ip);
    return reply.status(204).send();
  });

  r.get('/api/join/:code', { schema: { tags, params: joinCodeParams, response: { 200: joinInfoView } } }, async (request) => joinInfo(ctx, request.params.code));

  r.post(
    '/api/join/:code',
    { schema: { tags, params: joinCodeParams, body: joinRequest, response: { 200: joinResponse } }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request) => joinWithPin(ctx, request.params.code, request.body.pin, request.ip),
  );
}
