/**
 * Whether the provider says the person used more than one factor. `amr` values are RFC 8176's: `mfa` says so
 * outright; two different factor kinds (something known, had, or is) say so too. `acr` values that by definition
 * require multi-factor: the REFEDS MFA profile, and the Finnish trust network's substantial and high levels
 * (Suomi.fi e-Identification), which demand two factors.
 */
const KNOWN = new Set(['pwd', 'pin', 'kba']);
const HAD = new Set(['otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'pop']);
const IS = new Set(['fpt', 'face', 'iris', 'retina', 'vbm', 'bio', 'user']);
const MFA_ACR = new Set([
  'https://refeds.org/profile/mfa',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'http://ftn.ficora.fi/2017/loa2',
  'http://ftn.ficora.fi/2017/loa3',
]);

export function multiFactor(claims: { amr?: unknown; acr?: unknown; [claim: string]: unknown }): boolean {
  if (typeof claims.acr === 'string' && MFA_ACR.has(claims.acr)) return true;
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  if (amr.includes('mfa')) return true;
  const kinds = [KNOWN, HAD, IS].filter((kind) => amr.some((v) => kind.has(v)));
  return kinds.length >= 2;
}
