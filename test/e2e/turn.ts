import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TURNSERVER = process.env.TURNSERVER_PATH ?? '/usr/bin/turnserver';
/** Outside CI a missing coturn skips the relay suites; in CI it fails them (as the browser does). */
export const turnAvailable = existsSync(TURNSERVER);
if (!turnAvailable && process.env.CI) throw new Error(`coturn not found at ${TURNSERVER}: apt-get install coturn`);

export type Turn = {
  url: string;
  secret: string;
  pid: number;
  /** Freeze the relay (SIGSTOP): every relayed packet stops, as in a network outage. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
};

function freePort(kind: 'tcp' = 'tcp'): Promise<number> {
  void kind;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * coturn on loopback with short-lived credentials (use-auth-secret, the scheme docs/meetings.md uses), its own
 * ports, no TLS and no CLI, logging to stdout. Resolves once it listens.
 */
export async function startTurn(): Promise<Turn> {
  const port = await freePort();
  const minPort = 40_000 + Math.floor(Math.random() * 200) * 100;
  const secret = randomBytes(16).toString('hex');
  const dir = mkdtempSync(path.join(tmpdir(), 'etapiste-turn-'));
  const args = [
    '-n',
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    '--allow-loopback-peers',
    '--no-tls',
    '--no-dtls',
    '--no-cli',
    '--realm=etapiste.test',
    `--min-port=${minPort}`,
    `--max-port=${minPort + 99}`,
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--fingerprint',
    '--no-multicast-peers',
    `--pidfile=${path.join(dir, 'turnserver.pid')}`,
    '--log-file=stdout',
    '--simple-log',
  ];
  const child: ChildProcess = spawn(TURNSERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listener opened on|Total General servers|IPv4\. UDP listener/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`coturn exited (${code}):\n${output}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  const pid = child.pid!;
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    pid,
    pause: () => process.kill(pid, 'SIGSTOP'),
    resume: () => process.kill(pid, 'SIGCONT'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // already gone
        }
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}
