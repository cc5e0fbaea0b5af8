import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginRequest,
  loginResponse,
  mfaConfirmRequest,
  mfaSetupResponse,
  passwordTokenInfo as passwordTokenInfoSchema,
  passwordTokenParams,
  preferencesRequest,
  sessionResponse,
  setPasswordRequest,
} from '../../shared/auth.js';
import type { AppContext } from '../context.js';
import { unauthenticated } from '../http/problem.js';
import { recordAudit } from '../modules/audit/record.js';
import { userRepository } from '../modules/users/repository.js';
import type { UserActor } from './actor.js';
import { SESSION_COOKIE, fromSession } from './authenticate.js';
import { login } from './login.js';
import { DEVICE_COOKIE, LoginThrottle } from './login-throttle.js';
import { confirmMfa, startMfaSetup } from './mfa.js';
import { presentMe } from './present.js';
import { sessionRepository } from './session-repository.js';
import { passwordTokenInfo, setPassword } from './set-password.js';
import { endSessionUrl } from './oidc/end-session.js';
import { oidcRoutes } from './oidc/routes.js';
import { authChanged } from './session-cache.js';

export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw unauthenticated();
  return request.actor;
}

const ok = z.object({ ok: z.literal(true) });
/** `redirectTo`: the provider's end-session address, when the session came from one (RP-initiated logout). */
const logoutResponse = z.object({ ok: z.literal(true), redirectTo: z.string().optional() });

export function authRoutes(app: FastifyInstance, ctx: AppContext, opts: { clock?: () => number } = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: ctx.config.production };
  const throttle = LoginThrottle.fromConfig(ctx.config, opts.clock);

  async function meFor(actor: UserActor) {
    const user = await userRepository.byId(ctx.db, actor.userId);
    return presentMe(actor, ctx.config, user?.preferredLanguage);
  }
  const setSession = (reply: FastifyReply, sessionId: string) =>
    reply.setCookie(SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: ctx.config.sessionMaxHours * 3600 });
  oidcRoutes(app, ctx, { throttle, setSession, meFor });

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: loginRequest, response: { 200: loginResponse } },
      config: { rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, { ip: request.ip, deviceCookie: request.cookies[DEVICE_COOKIE], throttle });
      const actor = (await fromSession(ctx, result.sessionId)) as UserActor;
      setSession(reply, result.sessionId);
      // Proof that this browser signed in to the account before: its attempts are throttled apart from strangers'.
      reply.setCookie(DEVICE_COOKIE, result.deviceCookie, { ...cookieOptions, path: '/api/auth/login', sameSite: 'strict', maxAge: 365 * 24 * 3600 });
      return { csrfToken: result.csrfToken, user: await meFor(actor) };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: logoutResponse } } }, async (request, reply) => {
    let redirectTo: string | undefined;
    if (request.actor.kind === 'user') {
      const found = await sessionRepository.findWithUser(ctx.db, request.actor.sessionIdHash);
      await sessionRepository.delete(ctx.db, request.actor.sessionIdHash);
      await authChanged(ctx, { userId: request.actor.userId });
      await recordAudit(ctx.db, request.actor, { action: 'auth.logout', targetType: 'user', targetId: request.actor.userId }, request.ip);
      if (found) redirectTo = await endSessionUrl(ctx, found.session);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const, ...(redirectTo ? { redirectTo } : {}) };
  });

  // Asked by every page at load, also before sign-in: "nobody is signed in" is an answer (204), not an error, so a
  // browser logs nothing for the sign-in and public pages. Other endpoints still answer 401 without a session.
  r.get('/api/auth/session', { schema: { tags: ['auth'], response: { 200: sessionResponse, 204: z.null().describe('Not signed in') } } }, async (request, reply) => {
    if (request.actor.kind !== 'user') return reply.code(204).send(null);
    const actor = request.actor;
    return { csrfToken: actor.csrfToken, user: await meFor(actor) };
  });

  r.get('/api/me', { schema: { tags: ['auth'], response: { 200: sessionResponse.shape.user } } }, async (request) => meFor(requireUser(request)));

  r.patch('/api/me/preferences', { schema: { tags: ['auth'], body: preferencesRequest, response: { 200: ok } } }, async (request) => {
    const actor = requireUser(request);
    await userRepository.update(ctx.db, actor.userId, { preferredLanguage: request.body.preferredLanguage });
    await authChanged(ctx, { userId: actor.userId });
    return { ok: true as const };
  });

  r.post('/api/me/mfa/setup', { schema: { tags: ['auth'], response: { 200: mfaSetupResponse } } }, async (request) =>
    startMfaSetup(ctx, requireUser(request)),
  );

  r.post('/api/me/mfa/confirm', { schema: { tags: ['auth'], body: mfaConfirmRequest, response: { 200: ok } } }, async (request) => {
    await confirmMfa(ctx, requireUser(request), request.body.code, request.ip);
    return { ok: true as const };
  });

  r.get(
    '/api/password-tokens/:token',
    { schema: { tags: ['auth'], params: passwordTokenParams, response: { 200: passwordTokenInfoSchema } } },
    async (request) => passwordTokenInfo(ctx, request.params.token),
  );

  r.post(
    '/api/auth/set-password',
    { schema: { tags: ['auth'], body: setPasswordRequest, response: { 200: ok } }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request) => {
      await setPassword(ctx, request.body.token, request.body.password, request.ip);
      return { ok: true as const };
    },
  );
}
