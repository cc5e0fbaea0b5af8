import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * The production set-up of README "Production", on this machine: nginx with TLS in front of two app instances
 * (separate processes started as deploy/etapiste@.service does, with deploy/etapiste.env), one PostgreSQL database
 * and coturn (deploy/turnserver.conf). Every file in deploy/ is used as written, its {{…}} placeholders filled.
 */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const nginxAvailable = existsSync(NGINX);
if (!nginxAvailable && process.env.CI) throw new Error(`nginx not found at ${NGINX}: apt-get install nginx`);
const ROOT = path.resolve(import.meta.dirname, '../..');
export const MAIN_JS = path.join(ROOT, 'dist/server/main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A deploy/ file with its placeholders filled; an unfilled one is an error (the file and the test disagree). */
export function fromTemplate(file: string, values: Record<string, string | number>): string {
  const text = readFileSync(path.join(ROOT, 'deploy', file), 'utf8').replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    if (!(key in values)) throw new Error(`deploy/${file}: no value for {{${key}}}`);
    return String(values[key]);
  });
  return text;
}

/** deploy/etapiste.env as an environment (comments and blank lines dropped). */
export function envFile(values: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fromTemplate('etapiste.env', values).split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]!] = m[2]!;
  }
  return env;
}

/** The unit's ExecStart with /opt/etapiste as this checkout and /usr/bin/node as the Node running the tests. */
export function execStart(): { command: string; args: string[] } {
  const line = readFileSync(path.join(ROOT, 'deploy/etapiste@.service'), 'utf8').split('\n').find((l) => l.startsWith('ExecStart='))!;
  const [, ...args] = line.slice('ExecStart='.length).trim().split(/\s+/);
  return { command: process.execPath, args: args.map((a) => a.replace('/opt/etapiste', ROOT)) };
}

/** A self-signed certificate for 127.0.0.1 (the browser runs with --ignore-certificate-errors). */
export function selfSignedCertificate(dir: string) {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
    stdio: 'ignore',
  });
  return { cert, key };
}

/** A fresh database on the machine's PostgreSQL (TEST_DATABASE_URL's server); `drop` removes it. */
export async function freshDatabase(adminUrl: string, prefix = 'etapiste_prod'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export type Proc = { child: ChildProcess; output(): string; stop(signal?: NodeJS.Signals): Promise<void> };

/** A child process whose output is kept (shown when something fails); resolves once `ready` matches it (or at once). */
export async function startProcess(command: string, args: string[], opts: { env?: Record<string, string>; ready?: RegExp; name: string; timeoutMs?: number }): Promise<Proc> {
  const child = spawn(command, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a process that never got ready is not left behind
      reject(new Error(`${opts.name} did not start:\n${output}`));
    }, opts.timeoutMs ?? 60_000);
    const check = () => {
      if (!opts.ready || opts.ready.test(output)) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    if (!opts.ready) child.once('spawn', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${code ?? signal}):\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** nginx (deploy/nginx.conf) in the foreground on its own ports and folder. */
export async function startNginx(values: Record<string, string | number>, dir: string): Promise<Proc> {
  const runDir = path.join(dir, 'nginx');
  mkdirSync(runDir, { recursive: true });
  const conf = path.join(runDir, 'nginx.conf');
  writeFileSync(conf, fromTemplate('nginx.conf', { ...values, RUN_DIR: runDir }));
  execFileSync(NGINX, ['-t', '-q', '-c', conf, '-p', runDir, '-e', path.join(runDir, 'error.log')]);
  // nginx says nothing when it starts: ready once the configuration test passed and the port answers.
  const proc = await startProcess(NGINX, ['-c', conf, '-p', runDir, '-e', path.join(runDir, 'error.log'), '-g', 'daemon off;'], { name: 'nginx' });
  await waitForPort(Number(values.HTTPS_PORT));
  return proc;
}

/** coturn with deploy/turnserver.conf; on loopback it must also relay to loopback peers (test-only line). */
export async function startCoturn(values: Record<string, string | number>, dir: string): Promise<Proc> {
  const conf = path.join(dir, 'turnserver.conf');
  writeFileSync(conf, `${fromTemplate('turnserver.conf', { ...values, RUN_DIR: dir, LOG_FILE: 'stdout' })}\n# test only: peers on loopback\nallow-loopback-peers\n`);
  return startProcess(process.env.TURNSERVER_PATH ?? '/usr/bin/turnserver', ['-c', conf], { name: 'coturn', ready: /listener opened on|Total General servers|IPv4\. UDP listener/i });
}

export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1');
      socket.once('listening', () => socket.close(() => resolve(false)));
      socket.once('error', () => resolve(true));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'etapiste-prod-'));
