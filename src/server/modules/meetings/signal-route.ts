import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParams } from '../../../shared/common.js';
import type { Actor } from '../../auth/actor.js';
import { SESSION_COOKIE, fromBearer, fromSession } from '../../auth/authenticate.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, forbidden } from '../../http/problem.js';
import { deviceToken, sameOrigin } from '../../realtime/routes.js';
import { loadMeetingFor, participantFor } from './access.js';
import { guestFromToken } from './join.js';
import { participantName } from './present.js';
import { meetingRepository } from './repository.js';
import { SIGNAL_CLOSE, SignalHub } from './signal-hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    signalling: SignalHub;
  }
}

const GUEST_PREFIX = 'guest.';

function guestToken(request: FastifyRequest): string | undefined {
  const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',');
  const protocol = offered.map((p) => p.trim()).find((p) => p.startsWith(GUEST_PREFIX));
  return protocol ? protocol.slice(GUEST_PREFIX.length) : undefined;
}

/** `GET /api/meetings/:id/signal` (WebSocket): the meeting's signalling, see docs/meetings.md. */
export function registerSignalling(app: FastifyInstance, ctx: AppContext) {
  const hub = new SignalHub(ctx, app.log);
  app.decorate('signalling', hub);
  app.addHook('onClose', () => hub.close());

  app.get(
    '/api/meetings/:id/signal',
    {
      websocket: true,
      onRequest: async (request) => {
        if (request.actor.kind === 'user' && !sameOrigin(request, ctx.config.publicUrl)) throw forbidden('Cross-origin WebSocket refused');
        if (request.actor.kind !== 'anonymous') return;
        const guest = guestToken(request);
        if (guest) {
          request.actor = (await guestFromToken(ctx, guest)) ?? request.actor;
          return;
        }
        const token = deviceToken(request);
        if (token) request.actor = await fromBearer(ctx, token).catch(() => request.actor);
      },
    },
    async (socket, request) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous') return socket.close(SIGNAL_CLOSE.unauthenticated, 'sign in first');
      if (actor.kind === 'user' && actor.mfaPending) return socket.close(SIGNAL_CLOSE.forbidden, 'mfa required');
      const params = idParams.safeParse(request.params);
      if (!params.success) return socket.close(SIGNAL_CLOSE.forbidden, 'no such meeting');
      // Messages that arrive before the checks below finish are kept and replayed once the hub owns the socket.
      const early: Buffer[] = [];
      const keep = (data: Buffer) => early.push(data);
      socket.on('message', keep);
      try {
        const { meeting, own } = await loadMeetingFor(ctx.db, actor, params.data.id, 'meeting:join');
        if (meeting.status === 'ended') return socket.close(SIGNAL_CLOSE.forbidden, 'meeting ended');
        const participant = await participantFor(ctx.db, actor, meeting, own);
        const revalidate = revalidator(ctx, request, actor);
        const name = participant.userId ? ((await meetingRepository.user(ctx.db, participant.userId))?.name ?? '') : participantName({ kind: participant.kind, userName: null });
        socket.off('message', keep);
        await hub.attach(
          socket,
          {
            meetingId: meeting.id,
            servicePointId: meeting.servicePointId,
            agencyId: meeting.agencyId,
            participantId: participant.id,
            kind: participant.kind,
            name,
            admitted: !!participant.admittedAt,
          },
          revalidate,
        );
        for (const data of early) socket.emit('message', data, false);
      } catch (error) {
        if (error instanceof HttpProblem) return socket.close(error.status === 401 ? SIGNAL_CLOSE.unauthenticated : SIGNAL_CLOSE.forbidden, error.code);
        app.log.error({ err: error }, 'signalling: could not open a meeting socket');
        socket.close(1011, 'server error');
      }
    },
  );
}

/** How the hub asks again, at each heartbeat, whether the socket's credential still holds. */
function revalidator(ctx: AppContext, request: FastifyRequest, actor: Actor) {
  if (actor.kind === 'user') {
    const sessionId = request.cookies[SESSION_COOKIE]!;
    return async () => {
      const a = await fromSession(ctx, sessionId, { touch: false });
      return a.kind === 'user' && !a.mfaPending ? a : undefined;
    };
  }
  if (actor.kind === 'terminal') {
    const token = deviceToken(request)!;
    return () =>
      fromBearer(ctx, token).catch((error: unknown) => {
        if (error instanceof HttpProblem && error.status === 401) return undefined;
        throw error;
      });
  }
  const token = guestToken(request)!;
  return () => guestFromToken(ctx, token);
}
