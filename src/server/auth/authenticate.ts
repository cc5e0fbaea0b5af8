import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MFA_REQUIRED_ROLES } from '../../shared/roles.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { fromOwnOrigin } from '../http/origin.js';
import { HttpProblem } from '../http/problem.js';
import { terminalRepository } from '../modules/terminals/repository.js';
import { type Actor, type RoleGrant, anonymous } from './actor.js';
import { sessionCacheFor } from './session-cache.js';
import { sessionRepository } from './session-repository.js';
import { hashToken } from './tokens.js';

export const SESSION_COOKIE = 'etapiste_session';
const TOUCH_EVERY_MS = 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The route checks its own bearer credential (a call button's token), so this hook leaves the header alone. */
    ownBearer?: boolean;
  }
}

export function mfaRequired(config: Config, roles: RoleGrant[]): boolean {
  return !config.demo && roles.some((r) => MFA_REQUIRED_ROLES.includes(r.role));
}

export async function fromBearer(ctx: AppContext, token: string): Promise<Actor> {
  const terminal = await terminalRepository.findActiveByTokenHash(ctx.db, hashToken(token));
  if (!terminal) throw new HttpProblem(401, 'auth.invalid_token', 'Invalid credentials', 'The device credential is not valid');
  return { kind: 'terminal', terminalId: terminal.id, roomId: terminal.roomId, servicePointId: terminal.servicePointId };
}

/**
 * `touch: false` checks the session without counting as activity (a WebSocket's periodic re-check is not a person).
 * Answered from the instance's session cache when it can be (docs/sessions.md): no round trip per request.
 */
export async function fromSession(ctx: AppContext, sessionId: string, opts: { touch?: boolean } = {}): Promise<Actor> {
  const idHash = hashToken(sessionId);
  const cache = sessionCacheFor(ctx);
  const now = Date.now();
  const hit = await cache.find(idHash, now);
  if (!hit) return anonymous;
  const { found, lastSeen } = hit;
  const idleLimit = lastSeen + ctx.config.sessionIdleMinutes * 60_000;
  if (!found.user.active || found.session.expiresAt.getTime() < now || idleLimit < now) {
    cache.forget(idHash);
    await sessionRepository.delete(ctx.db, idHash);
    return anonymous;
  }
  if (opts.touch !== false && now - lastSeen > TOUCH_EVERY_MS) cache.touch(idHash, now);
  const roles: RoleGrant[] = found.roles.map((r) => ({ role: r.role, organisationId: r.organisationId, servicePointId: r.servicePointId ?? undefined }));
  return {
    kind: 'user',
    userId: found.user.id,
    organisationId: found.user.organisationId,
    email: found.user.email,
    name: found.user.name,
    roles,
    mfaEnabled: found.user.mfaEnabled,
    // A provider that showed multi-factor sign-in (docs/oidc.md) meets the roles' requirement for this session.
    mfaPending: !found.user.mfaEnabled && !found.session.mfaByProvider && mfaRequired(ctx.config, roles),
    sessionIdHash: idHash,
    csrfToken: found.session.csrfToken,
  };
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Resolves who is calling (session cookie, or a device's bearer token) and enforces CSRF for cookie sessions. */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest<Actor | null>('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    const bearer = auth?.startsWith('Bearer ');
    // A browser write made for another site's page is refused before anything else, signed in or not (login CSRF).
    if (!bearer && UNSAFE.has(request.method) && !fromOwnOrigin(request, ctx.config.publicUrl)) {
      throw new HttpProblem(403, 'auth.cross_origin', 'Forbidden', 'Cross-origin request refused');
    }
    // The public booking API (modules/public-booking) acts on no one's credential: a staff cookie or a bearer token
    // the browser happens to hold is ignored there, so neither a CSRF token nor a session decides anything.
    if (request.url.startsWith('/api/public/')) return;
    if (auth && bearer) {
      if (request.routeOptions.config?.ownBearer) return;
      request.actor = await fromBearer(ctx, auth.slice(7).trim());
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    request.actor = await fromSession(ctx, sessionId);
    if (request.actor.kind === 'user' && UNSAFE.has(request.method) && !csrfMatches(request, request.actor.csrfToken)) {
      throw new HttpProblem(403, 'auth.csrf', 'Forbidden', 'Missing or invalid X-CSRF-Token header');
    }
  });
}
