import * as oidc from 'openid-client';
import type { AppContext } from '../../context.js';
import { openText } from '../../crypto/sealed-text.js';
import { clientFor, publicBase } from './client.js';
import { ID_TOKEN } from './finish-sign-in.js';
import { activeProvider } from './providers.js';

/**
 * Where to send the browser after Etäpiste's session ended, so the provider's session ends too (RP-initiated
 * logout), or undefined when the session did not come from a provider or it has no end-session endpoint.
 * A provider that cannot be reached does not keep anyone signed in to Etäpiste: its session is simply left.
 */
export async function endSessionUrl(ctx: AppContext, session: { idHash: string; identityProvider: string | null; idTokenSealed: string | null }) {
  if (!session.identityProvider) return undefined;
  try {
    const provider = await activeProvider(ctx, session.identityProvider);
    if (!provider) return undefined;
    const client = await clientFor(ctx.config, provider);
    if (!client.serverMetadata().end_session_endpoint) return undefined;
    const idToken = session.idTokenSealed ? openText(ctx.config, ID_TOKEN.purpose, ID_TOKEN.aad(session.idHash), session.idTokenSealed) : undefined;
    return oidc.buildEndSessionUrl(client, {
      post_logout_redirect_uri: `${publicBase(ctx.config)}/login`,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  } catch {
    return undefined;
  }
}
