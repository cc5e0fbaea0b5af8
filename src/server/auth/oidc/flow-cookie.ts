import type { Config } from '../../config.js';
import { openText, sealText } from '../../crypto/sealed-text.js';

/**
 * What a browser carries between the steps of an OpenID sign-in, sealed so it can be neither read nor forged:
 * no server-side state, so any instance can answer the callback. Each kind has its own cookie and purpose key.
 */
export const FLOW_COOKIE = 'etapiste_oidc';
export const PENDING_COOKIE = 'etapiste_oidc_mfa';
export const COOKIE_PATH = '/api/auth/oidc';
export const FLOW_SECONDS = 10 * 60;
export const PENDING_SECONDS = 5 * 60;

/** The authorization request's secrets: state, nonce and the PKCE verifier. */
export type Flow = { providerId: string; state: string; nonce: string; verifier: string; expiresAt: number };
/** Signed in at the provider, waiting for Etäpiste's TOTP code. */
export type PendingMfa = { providerId: string; userId: string; idToken: string; expiresAt: number };

function masterOf(config: Config): Buffer {
  if (!config.documentMasterKey) throw new Error('a master key is needed for OpenID sign-in');
  return config.documentMasterKey;
}

export function sealCookie(config: Config, kind: 'flow' | 'pending', value: Flow | PendingMfa): string {
  return sealText(masterOf(config), `oidc ${kind}`, kind, JSON.stringify(value));
}

export function openCookie<T extends Flow | PendingMfa>(config: Config, kind: 'flow' | 'pending', cookie: string | undefined, now = Date.now()): T | undefined {
  if (!cookie) return undefined;
  try {
    const value = JSON.parse(openText(config, `oidc ${kind}`, kind, cookie)) as T;
    return value.expiresAt > now ? value : undefined;
  } catch {
    return undefined;
  }
}
