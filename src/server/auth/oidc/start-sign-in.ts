import * as oidc from 'openid-client';
import type { AppContext } from '../../context.js';
import { clientFor, redirectUri } from './client.js';
import { FLOW_SECONDS, type Flow } from './flow-cookie.js';
import { activeProvider } from './providers.js';
import { unknownProvider } from './refusal.js';

/** The provider's authorization URL (code flow, PKCE S256, state, nonce) and the flow the browser keeps sealed. */
export async function startSignIn(ctx: AppContext, providerId: string, language?: string): Promise<{ url: string; flow: Flow }> {
  const provider = await activeProvider(ctx, providerId);
  if (!provider) throw unknownProvider();
  const client = await clientFor(ctx.config, provider);
  const flow: Flow = {
    providerId: provider.id,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    expiresAt: Date.now() + FLOW_SECONDS * 1000,
  };
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: redirectUri(ctx.config),
    scope: provider.groupClaim ? `openid email profile ${provider.groupClaim}` : 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
    ...(language ? { ui_locales: language } : {}),
  });
  return { url: url.href, flow };
}
