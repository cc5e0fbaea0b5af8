/**
 * A real OpenID provider (the `oidc-provider` package) for tests, run as its own process so its clock and keys are
 * its own. The parent (oidc-provider.ts) talks to it over IPC: who signs in next (and with which `amr`/`acr`), key
 * rotation, a clock offset, and misbehaviour (ID tokens for another audience or issuer) for the refusal tests.
 * Sign-in needs no form: the interaction page signs in the chosen test user at once.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

type Claims = Record<string, unknown> & { sub: string };
type Start = { port: number; host: string; clients: Configuration['clients']; accounts: Claims[] };
type Message =
  | { type: 'login'; sub: string; amr?: string[]; acr?: string }
  | { type: 'account'; claims: Claims }
  | { type: 'rotate' }
  | { type: 'clock'; offsetSeconds: number }
  | { type: 'misbehave'; mode: 'audience' | 'issuer' | null };

const start = JSON.parse(process.argv[2]!) as Start;
const accounts = new Map(start.accounts.map((a) => [a.sub, a]));
let next: { sub: string; amr?: string[]; acr?: string } = { sub: start.accounts[0]!.sub };
let misbehave: 'audience' | 'issuer' | null = null;

const realNow = Date.now.bind(Date);
let offsetMs = 0;
Date.now = () => realNow() + offsetMs;

const newKey = () => ({ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' });

let server: http.Server | undefined;
let port = start.port;

function build(keys: object[]) {
  const issuer = `http://${start.host}:${port}`;
  const provider = new Provider(issuer, {
    clients: start.clients,
    jwks: { keys: keys as never },
    cookies: { keys: ['test-cookie-key'] },
    claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'], groups: ['groups'] },
    acrValues: ['urn:test:password', 'https://refeds.org/profile/mfa'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: async () => claims } : undefined;
    },
    // Consent is granted at once: the test user agrees to every scope asked.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider: p } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return p.Grant.find(existing);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 600, Session: 3600, Interaction: 600, Grant: 3600 },
  } as Configuration);
  provider.proxy = false;

  // Misbehaviour on demand: the next ID tokens name another audience or another issuer, signed with the real keys.
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = async function (this: { client: object }, ...args: Parameters<typeof issue>) {
    if (misbehave === 'audience') {
      const real = this.client;
      this.client = new Proxy(real, { get: (t, p) => (p === 'clientId' ? 'someone-else' : Reflect.get(t, p, t)) });
      try {
        return await issue.apply(this, args);
      } finally {
        this.client = real;
      }
    }
    if (misbehave === 'issuer') {
      const writable = provider as { issuer: string };
      writable.issuer = `http://evil.invalid:${port}`;
      try {
        return await issue.apply(this, args);
      } finally {
        writable.issuer = issuer;
      }
    }
    return issue.apply(this, args);
  };

  const callback = provider.callback();
  return http.createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const result =
          details.prompt.name === 'login'
            ? { login: { accountId: next.sub, ...(next.amr ? { amr: next.amr } : {}), ...(next.acr ? { acr: next.acr } : {}) } }
            : { consent: {} };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });
}

async function listen(keys: object[]) {
  server = build(keys);
  await new Promise<void>((resolve) => server!.listen(port, start.host, resolve));
  port = (server.address() as AddressInfo).port;
}

async function restart(keys: object[]) {
  await new Promise<void>((resolve) => {
    server!.close(() => resolve());
    server!.closeAllConnections();
  });
  await listen(keys);
}

process.on('message', (m: Message) => {
  void (async () => {
    if (m.type === 'login') next = m;
    if (m.type === 'account') accounts.set(m.claims.sub, m.claims);
    if (m.type === 'clock') offsetMs = m.offsetSeconds * 1000;
    if (m.type === 'misbehave') misbehave = m.mode;
    if (m.type === 'rotate') await restart([newKey()]);
    process.send!({ type: 'done' });
  })();
});

await listen([newKey()]);
// A first build on port 0 learns the port; the issuer must name it, so the provider is built again on that port.
if (start.port === 0) await restart([newKey()]);
process.send!({ type: 'ready', issuer: `http://${start.host}:${port}` });
