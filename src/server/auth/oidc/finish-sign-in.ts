import * as oidc from 'openid-client';
import type { AppContext } from '../../context.js';
import { sealText } from '../../crypto/sealed-text.js';
import { recordAudit } from '../../modules/audit/record.js';
import { anonymous } from '../actor.js';
import { newSession } from '../new-session.js';
import { clientFor, redirectUri } from './client.js';
import { type Flow, PENDING_SECONDS, type PendingMfa } from './flow-cookie.js';
import { multiFactor } from './mfa-claims.js';
import { type Provider, activeProvider } from './providers.js';
import { OidcRefusal } from './refusal.js';
import { type IdentityClaims, resolveAccount } from './resolve-account.js';
import { authChanged } from '../session-cache.js';

export type SignInOutcome = { kind: 'session'; sessionId: string; csrfToken: string; userId: string } | { kind: 'totp'; pending: PendingMfa };

const ID_TOKEN_PURPOSE = 'oidc id token';

/** The ID token kept with the session for RP-initiated logout's `id_token_hint`, sealed to that session. */
export function sealIdToken(ctx: AppContext, idToken: string) {
  return (idHash: string) => (ctx.config.documentMasterKey ? sealText(ctx.config.documentMasterKey, ID_TOKEN_PURPOSE, `session:${idHash}`, idToken) : undefined);
}
export const ID_TOKEN = { purpose: ID_TOKEN_PURPOSE, aad: (idHash: string) => `session:${idHash}` };

/**
 * The provider's redirect back: the code is exchanged (PKCE), the ID token verified by openid-client against the
 * provider's keys, issuer, audience, expiry and the flow's state and nonce; then the account is resolved. An
 * admin or auditor whose provider showed multi-factor sign-in gets a session; an account using Etäpiste's TOTP
 * without that is asked for its code first.
 */
export async function finishSignIn(ctx: AppContext, flow: Flow | undefined, query: string, ip: string): Promise<SignInOutcome> {
  if (!flow) throw new OidcRefusal('auth.oidc_failed', 'no-flow');
  const provider = await activeProvider(ctx, flow.providerId);
  if (!provider) throw new OidcRefusal('auth.oidc_failed', 'provider-gone');
  const { claims, idToken } = await verifiedClaims(ctx, provider, flow, query);
  const providerMfa = multiFactor(claims);
  const outcome = await ctx.db.transaction(async (tx) => {
    const user = await resolveAccount(tx, provider, claims, ip);
    if (user.mfaEnabled && user.mfaSecret && !providerMfa) {
      return { kind: 'totp' as const, pending: { providerId: provider.id, userId: user.id, idToken, expiresAt: Date.now() + PENDING_SECONDS * 1000 } };
    }
    const session = await newSession(tx, ctx.config, user.id, { identityProvider: provider.id, idTokenSealed: sealIdToken(ctx, idToken), mfaByProvider: providerMfa });
    await recordAudit(
      tx,
      anonymous,
      { action: 'auth.login', targetType: 'user', targetId: user.id, organisationId: user.organisationId, details: { method: 'oidc', provider: provider.id, mfa: providerMfa ? 'provider' : false } },
      ip,
    );
    return { kind: 'session' as const, ...session, userId: user.id };
  });
  // The provider's groups may have added or removed roles of an account whose other sessions are cached.
  await authChanged(ctx, { userId: outcome.kind === 'session' ? outcome.userId : outcome.pending.userId });
  return outcome;
}

async function verifiedClaims(ctx: AppContext, provider: Provider, flow: Flow, query: string) {
  try {
    const client = await clientFor(ctx.config, provider);
    const tokens = await oidc.authorizationCodeGrant(client, new URL(`${redirectUri(ctx.config)}?${query}`), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new OidcRefusal('auth.oidc_failed', 'no-id-token');
    // Providers that keep e-mail and groups out of the ID token give them at the UserInfo endpoint, for the same subject.
    const needsUserInfo = idClaims.email === undefined || (!!provider.groupClaim && idClaims[provider.groupClaim] === undefined);
    const info = needsUserInfo && client.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub) : {};
    return { claims: { ...info, ...idClaims } as IdentityClaims, idToken: tokens.id_token };
  } catch (error) {
    if (error instanceof OidcRefusal) throw error;
    throw new OidcRefusal('auth.oidc_failed', failureReason(error));
  }
}

/** A short, stable reason for the audit log: the library's error code and, for a failed claim check, the claim. */
function failureReason(error: unknown): string {
  const e = error as { code?: unknown; cause?: { claim?: unknown; cause?: { claim?: unknown } }; error?: unknown };
  if (typeof e.error === 'string') return `provider:${e.error}`.slice(0, 80);
  const code = typeof e.code === 'string' ? e.code : 'error';
  const named = [e.cause?.claim, e.cause?.cause?.claim].find((c) => typeof c === 'string');
  const claim = named ? `:${named}` : '';
  return `${code}${claim}`.slice(0, 80);
}
