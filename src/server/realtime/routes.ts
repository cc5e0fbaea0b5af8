import type { WebsocketPluginOptions } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import { anonymous } from '../auth/actor.js';
import { SESSION_COOKIE, fromBearer, fromSession } from '../auth/authenticate.js';
import type { AppContext } from '../context.js';
import { HttpProblem, forbidden } from '../http/problem.js';
import { SIGNAL_SUBPROTOCOL } from '../../shared/meetings.js';
import { CLOSE, type Credential, RealtimeHub } from './hub.js';
import { fromOwnOrigin } from '../http/origin.js';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
}

/** Offered by clients that pass a device token as a subprotocol; the server answers with this one, never the token. */
export const SUBPROTOCOL = 'etapiste.events.v1';
const TOKEN_PROTOCOL_PREFIX = 'bearer.';

export const websocketOptions: WebsocketPluginOptions = {
  options: {
    // Meeting signalling carries session descriptions; the events socket checks its own 4 KiB limit.
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : protocols.has(SIGNAL_SUBPROTOCOL) ? SIGNAL_SUBPROTOCOL : false),
  },
  // 1001 tells clients to reconnect (to another instance behind the load balancer).
  preClose(done) {
    for (const client of this.websocketServer.clients) client.close(CLOSE.goingAway, 'server shutting down');
    this.websocketServer.close();
    done();
  },
};

/** A terminal's token: the Authorization header (non-browser clients), `?token=`, or a `bearer.<token>` subprotocol. */
export function deviceToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const query = (request.query as { token?: unknown }).token;
  if (typeof query === 'string' && query) return query;
  const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',');
  const protocol = offered.map((p) => p.trim()).find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  return protocol ? protocol.slice(TOKEN_PROTOCOL_PREFIX.length) : undefined;
}

/** A cookie rides along on any WebSocket handshake, so only this app's own origin may use the session cookie here. */
export const sameOrigin = fromOwnOrigin;

/** `GET /api/events` (WebSocket): scoped, policy-checked event hints for open screens. */
export function registerRealtime(app: FastifyInstance, ctx: AppContext, opts: { registry?: Registry; heartbeatMs?: number } = {}) {
  const hub = new RealtimeHub({
    bus: ctx.bus,
    log: app.log,
    heartbeatMs: opts.heartbeatMs,
    revalidate: async (c: Credential) => {
      if (c.kind === 'session') return fromSession(ctx, c.sessionId, { touch: false });
      // A revoked token is an answer (anonymous); any other failure is the database's and propagates.
      return fromBearer(ctx, c.token).catch((error: unknown) => {
        if (error instanceof HttpProblem && error.status === 401) return anonymous;
        throw error;
      });
    },
  });
  app.decorate('realtime', hub);
  app.addHook('onClose', () => hub.close());

  if (opts.registry) {
    new Gauge({ name: 'etapiste_websocket_connections', help: 'Open event WebSockets on this instance', registers: [opts.registry], collect() {
      this.set(hub.size);
    } });
    let reported = 0;
    new Counter({ name: 'etapiste_realtime_events_delivered_total', help: 'Event messages written to WebSockets', registers: [opts.registry], collect() {
      this.inc(hub.delivered - reported);
      reported = hub.delivered;
    } });
  }

  app.get(
    '/api/events',
    {
      websocket: true,
      // Runs after the global authentication hook, which knows cookies and Authorization only.
      onRequest: async (request) => {
        if (request.actor.kind === 'user' && !sameOrigin(request, ctx.config.publicUrl)) throw forbidden('Cross-origin WebSocket refused');
        if (request.actor.kind !== 'anonymous') return;
        const token = deviceToken(request);
        // An unknown or revoked token stays anonymous: the socket then closes with 4401, which a browser can see
        // (a refused upgrade looks like a network failure to it).
        if (token) request.actor = await fromBearer(ctx, token).catch(() => request.actor);
      },
    },
    (socket, request) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous') return socket.close(CLOSE.unauthenticated, 'sign in first');
      if (actor.kind === 'user' && actor.mfaPending) return socket.close(CLOSE.forbidden, 'mfa required');
      const credential: Credential =
        actor.kind === 'user' ? { kind: 'session', sessionId: request.cookies[SESSION_COOKIE]! } : { kind: 'terminal', token: deviceToken(request)! };
      hub.attach(socket, actor, credential);
    },
  );
}
