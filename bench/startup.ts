// Start-up and footprint figures: cold start to /readyz on a new and on a reopened embedded database, and on
// PostgreSQL; idle RSS of each; gzip size of the JavaScript the sign-in page loads. Prints one JSON line.
// Usage: npm run build && npx tsx bench/startup.ts (runs the built server, as npm start does)   (BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres for PostgreSQL)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';

const port = 3900 + Math.floor(Math.random() * 50);

async function startAndTime(env: Record<string, string>): Promise<{ readyMs: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js', 'start'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return { readyMs: Math.round(performance.now() - started), child };
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 60_000) throw new Error('server did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function idleRssMb(child: ChildProcess): Promise<number> {
  await new Promise((r) => setTimeout(r, 3000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function signInPageJsGzipBytes(): number {
  const root = path.resolve('dist/web');
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(root, f))).length, 0);
}

const figures: Record<string, unknown> = { bench: 'startup' };
const dir = mkdtempSync(path.join(tmpdir(), 'etapiste-bench-'));
try {
  const fresh = await startAndTime({ DATA_DIR: dir });
  figures.embeddedNewReadyMs = fresh.readyMs;
  figures.embeddedIdleRssMb = await idleRssMb(fresh.child);
  await stop(fresh.child);
  const reopened = await startAndTime({ DATA_DIR: dir });
  figures.embeddedReopenReadyMs = reopened.readyMs;
  await stop(reopened.child);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const name = `etapiste_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    const first = await startAndTime({ DATABASE_URL: url.toString() });
    figures.postgresNewReadyMs = first.readyMs;
    figures.postgresIdleRssMb = await idleRssMb(first.child);
    await stop(first.child);
    const again = await startAndTime({ DATABASE_URL: url.toString() });
    figures.postgresReopenReadyMs = again.readyMs;
    await stop(again.child);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
figures.signInPageJsGzipBytes = signInPageJsGzipBytes();
console.log(JSON.stringify(figures));
