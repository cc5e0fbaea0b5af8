import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Me, loginResponse } from '../../../shared/auth.js';
import { oidcCallbackQuery, oidcStartParams, oidcStartQuery, oidcTotpRequest, signInProvidersResponse } from '../../../shared/identity-providers.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../../modules/audit/record.js';
import { anonymous, type UserActor } from '../actor.js';
import { fromSession } from '../authenticate.js';
import type { LoginThrottle } from '../login-throttle.js';
import { confirmTotp } from './confirm-totp.js';
import { finishSignIn } from './finish-sign-in.js';
import { COOKIE_PATH, FLOW_COOKIE, FLOW_SECONDS, PENDING_COOKIE, PENDING_SECONDS, type Flow, type PendingMfa, openCookie, sealCookie } from './flow-cookie.js';
import { activeProviders } from './providers.js';
import { OidcRefusal } from './refusal.js';
import { startSignIn } from './start-sign-in.js';

type Options = {
  throttle: LoginThrottle;
  /** Sets the session cookie, as the password sign-in does. */
  setSession: (reply: FastifyReply, sessionId: string) => void;
  meFor: (actor: UserActor) => Promise<Me>;
};

/** Sign-in through an organisation's OpenID Connect provider (docs/oidc.md). Browser navigations, not XHR. */
export function oidcRoutes(app: FastifyInstance, ctx: AppContext, { throttle, setSession, meFor }: Options) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const flowCookie = { httpOnly: true, sameSite: 'lax' as const, path: COOKIE_PATH, secure: ctx.config.production };
  const rateLimit = { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' };

  r.get('/api/auth/oidc/providers', { schema: { tags: ['auth'], response: { 200: signInProvidersResponse } } }, async () => ({
    providers: (await activeProviders(ctx)).map((p) => ({ id: p.id, name: p.name })),
  }));

  r.get(
    '/api/auth/oidc/:providerId/start',
    { schema: { tags: ['auth'], params: oidcStartParams, querystring: oidcStartQuery }, config: { rateLimit } },
    async (request, reply) => {
      let started: Awaited<ReturnType<typeof startSignIn>>;
      try {
        started = await startSignIn(ctx, request.params.providerId, request.query.lang);
      } catch (error) {
        if (error instanceof HttpProblem) throw error;
        // The provider cannot be reached or its discovery document fails the checks (e.g. another issuer).
        request.log.warn({ err: error }, 'identity provider unavailable');
        return reply.redirect('/login?oidcError=auth.oidc_unavailable', 303);
      }
      reply.setCookie(FLOW_COOKIE, sealCookie(ctx.config, 'flow', started.flow), { ...flowCookie, maxAge: FLOW_SECONDS });
      return reply.redirect(started.url, 303);
    },
  );

  r.get('/api/auth/oidc/callback', { schema: { tags: ['auth'], querystring: oidcCallbackQuery }, config: { rateLimit } }, async (request, reply) => {
    const flow = openCookie<Flow>(ctx.config, 'flow', request.cookies[FLOW_COOKIE]);
    reply.clearCookie(FLOW_COOKIE, { path: COOKIE_PATH });
    try {
      const outcome = await finishSignIn(ctx, flow, request.url.split('?')[1] ?? '', request.ip);
      if (outcome.kind === 'totp') {
        reply.setCookie(PENDING_COOKIE, sealCookie(ctx.config, 'pending', outcome.pending), { ...flowCookie, maxAge: PENDING_SECONDS });
        return reply.redirect('/login?oidc=totp', 303);
      }
      setSession(reply, outcome.sessionId);
      return reply.redirect('/', 303);
    } catch (error) {
      if (!(error instanceof OidcRefusal)) throw error;
      await recordAudit(
        ctx.db,
        anonymous,
        {
          action: 'auth.login',
          outcome: 'failure',
          targetType: error.userId ? 'user' : undefined,
          targetId: error.userId,
          organisationId: error.organisationId,
          details: { method: 'oidc', provider: flow?.providerId ?? null, reason: error.reason },
        },
        request.ip,
      );
      return reply.redirect(`/login?oidcError=${encodeURIComponent(error.code)}`, 303);
    }
  });

  r.post(
    '/api/auth/oidc/totp',
    { schema: { tags: ['auth'], body: oidcTotpRequest, response: { 200: loginResponse } }, config: { rateLimit } },
    async (request, reply) => {
      const pending = openCookie<PendingMfa>(ctx.config, 'pending', request.cookies[PENDING_COOKIE]);
      const session = await confirmTotp(ctx, pending, request.body.totp, { ip: request.ip, throttle });
      reply.clearCookie(PENDING_COOKIE, { path: COOKIE_PATH });
      setSession(reply, session.sessionId);
      const actor = (await fromSession(ctx, session.sessionId)) as UserActor;
      return { csrfToken: session.csrfToken, user: await meFor(actor) };
    },
  );
}
