import type { FastifyRequest } from 'fastify';

/**
 * Defence in depth beside the CSRF token: a request that a browser made on another site's behalf says so, in
 * `Sec-Fetch-Site` (set by the browser, not by scripts) or at least in `Origin`. Such a request must not act with the
 * session cookie (writes, WebSocket handshakes). A client that sends neither header is not a browser acting for a
 * page (curl, agency systems), so there is no ambient credential to abuse and the CSRF token alone decides.
 *
 * The expected origin is PUBLIC_URL's, or the request's own scheme and host (`request.protocol`/`request.host`
 * follow X-Forwarded-Proto/-Host only when the proxy is trusted, TRUST_PROXY).
 */
export function fromOwnOrigin(request: FastifyRequest, publicUrl?: string): boolean {
  const site = request.headers['sec-fetch-site'];
  // `none`: the user typed or bookmarked it; `same-site` would let a sibling subdomain in, so only same-origin.
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (typeof site === 'string') return true; // the browser already vouched for it above
  let given: URL;
  try {
    given = new URL(origin); // "null" (sandboxed frames, some redirects) is not a URL: refused
  } catch {
    return false;
  }
  const expected = [`${request.protocol}://${request.host}`, ...(publicUrl ? [publicUrl] : [])];
  return expected.some((e) => {
    try {
      return new URL(e).origin === given.origin;
    } catch {
      return false;
    }
  });
}
