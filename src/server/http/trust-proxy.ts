import { isIP } from 'node:net';

/**
 * Fastify's `trustProxy`: whom to believe about the client's address (X-Forwarded-For) and the original host and
 * scheme (X-Forwarded-Host/-Proto). Trusting every sender would let any client choose the address that rate limits
 * and the audit log key on, so it is off unless configured: a hop count (proxies in front of the app) or the
 * proxies' own addresses/CIDRs.
 */
export type TrustProxy = false | number | string[];

const CIDR = /^(.+)\/(\d{1,3})$/;

function validAddress(entry: string): boolean {
  const cidr = CIDR.exec(entry);
  if (!cidr) return isIP(entry) !== 0;
  const version = isIP(cidr[1]!);
  const bits = Number(cidr[2]);
  return version !== 0 && bits <= (version === 4 ? 32 : 128);
}

/** `TRUST_PROXY` → the setting, or `{ error }` saying what is wrong with the value. */
export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops <= 10 ? hops : { error: 'a hop count is at most 10' };
  }
  if (v === 'true') return { error: '"true" would trust every client\'s X-Forwarded-For: give the number of proxies in front of the app, or their addresses' };
  const entries = v.split(',').map((p) => p.trim()).filter(Boolean);
  const bad = entries.filter((p) => !validAddress(p));
  if (bad.length > 0) return { error: `not an IP address or CIDR: ${bad.join(', ')} (give a hop count or proxy addresses, e.g. 127.0.0.1,10.0.0.0/8)` };
  return entries;
}
