import * as oidc from 'openid-client';
import type { Config } from '../../config.js';
import { HttpProblem } from '../../http/problem.js';
import { type Provider, issuerAllowed } from './providers.js';

/**
 * openid-client configurations (discovery document, client credentials, the provider's key cache) per provider,
 * kept for a while: the library refetches the provider's keys itself when a token names a key it has not seen
 * (key rotation), so a cached configuration does not pin old keys.
 */
const KEEP_MS = 60 * 60_000;
const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

export function redirectUri(config: Config): string {
  return `${publicBase(config)}/api/auth/oidc/callback`;
}

export function publicBase(config: Config): string {
  if (!config.publicUrl) throw new HttpProblem(503, 'auth.oidc_unavailable', 'Sign-in unavailable', 'PUBLIC_URL is not configured');
  return config.publicUrl.replace(/\/+$/, '');
}

export async function clientFor(config: Config, provider: Provider): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.version}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.config;
  if (!issuerAllowed(config, provider.issuer)) throw new HttpProblem(503, 'auth.oidc_unavailable', 'Sign-in unavailable', 'The issuer must use https');
  const insecure = provider.issuer.startsWith('http://');
  const pending = oidc.discovery(
    new URL(provider.issuer),
    provider.clientId,
    { redirect_uris: [redirectUri(config)], response_types: ['code'] },
    provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None(),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  cache.set(key, { at: Date.now(), config: pending });
  // A failed discovery (provider down, wrong issuer) is not remembered: the next sign-in tries again.
  pending.catch(() => cache.delete(key));
  return pending;
}
