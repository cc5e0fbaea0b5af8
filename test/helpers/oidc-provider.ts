import { type ChildProcess, fork } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real OpenID provider in a child process (oidc-provider-process.ts), and a browser's part of the code flow:
 * following the provider's redirects with its cookies until it sends the browser back to the app.
 */
export type TestClaims = Record<string, unknown> & { sub: string };
export type TestClient = { client_id: string; client_secret?: string; redirect_uris: string[]; post_logout_redirect_uris?: string[]; token_endpoint_auth_method?: string };

export type TestProvider = {
  issuer: string;
  /** Who the provider signs in next, and the `amr`/`acr` it reports. */
  signInAs(sub: string, opts?: { amr?: string[]; acr?: string }): Promise<void>;
  addAccount(claims: TestClaims): Promise<void>;
  /** Restarts the provider on the same address with a new signing key (the old one is gone). */
  rotateKeys(): Promise<void>;
  /** The provider's clock runs this many seconds off (negative: its tokens are old on arrival). */
  setClock(offsetSeconds: number): Promise<void>;
  misbehave(mode: 'audience' | 'issuer' | null): Promise<void>;
  close(): Promise<void>;
};

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oidc-provider-process.ts');

export async function startTestProvider(opts: { clients: TestClient[]; accounts: TestClaims[]; host?: string; port?: number }): Promise<TestProvider> {
  const child: ChildProcess = fork(script, [JSON.stringify({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0, clients: opts.clients, accounts: opts.accounts })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { type: string; issuer: string }) => resolve(m.issuer));
    child.once('exit', (code) => reject(new Error(`test provider exited (${code})`)));
  });
  let queue = Promise.resolve();
  const send = (message: object) => {
    const done = queue.then(
      () =>
        new Promise<void>((resolve) => {
          child.once('message', () => resolve());
          child.send(message);
        }),
    );
    queue = done;
    return done;
  };
  return {
    issuer,
    signInAs: (sub, o = {}) => send({ type: 'login', sub, ...o }),
    addAccount: (claims) => send({ type: 'account', claims }),
    rotateKeys: () => send({ type: 'rotate' }),
    setClock: (offsetSeconds) => send({ type: 'clock', offsetSeconds }),
    misbehave: (mode) => send({ type: 'misbehave', mode }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A cookie jar of name → value for one host; enough for the provider's own cookies. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * What the browser does between the app's redirect to the provider and the provider's redirect back: follows the
 * provider's redirects (its interaction signs the chosen user in at once) and returns the URL it sends the browser
 * to under `appBase` (the callback, or the post-logout page).
 */
export async function followProvider(url: string, appBase: string, jar = new CookieJar()): Promise<URL> {
  let next = url;
  for (let hop = 0; hop < 20; hop++) {
    if (next.startsWith(appBase)) return new URL(next);
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${next} without a redirect: ${(await res.text()).slice(0, 300)}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects at the provider');
}

/**
 * The whole code flow as a browser makes it: the app's start, the provider (signing in `sub`), and the callback
 * carrying the flow cookie. `tamper` changes the authorization request on its way (a forged nonce or state).
 */
export async function signInThroughProvider(
  app: FastifyInstance,
  provider: TestProvider,
  appBase: string,
  sub: string,
  opts: { amr?: string[]; acr?: string; providerId?: string; tamper?: (url: URL) => void; jar?: CookieJar } = {},
) {
  await provider.signInAs(sub, { amr: opts.amr, acr: opts.acr });
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/${opts.providerId ?? 'env'}/start?lang=sv` });
  if (start.statusCode !== 303) throw new Error(`start answered ${start.statusCode}: ${start.body}`);
  const flow = start.cookies.find((c) => c.name === 'etapiste_oidc');
  if (!flow) return { location: start.headers.location as string, session: undefined, cookies: start.cookies, flowCookie: undefined };
  const authorize = new URL(start.headers.location as string);
  opts.tamper?.(authorize);
  const back = await followProvider(authorize.href, appBase, opts.jar);
  const res = await app.inject({ method: 'GET', url: back.pathname + back.search, cookies: { etapiste_oidc: flow.value } });
  const session = res.cookies.find((c) => c.name === 'etapiste_session')?.value;
  return { location: res.headers.location as string, session, cookies: res.cookies, flowCookie: flow };
}
