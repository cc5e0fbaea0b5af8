// Start-up and footprint figures of the built server (as npm start runs it): cold start to /readyz on a new and on a
// reopened embedded database, and on PostgreSQL when BENCH_DATABASE_URL is set; idle RSS 3 s after ready; the bytes
// of JavaScript the sign-in page loads, raw and as sent (brotli). Each figure from BENCH_SAMPLES runs (default 5):
// median and range. A bare baseline in the same run: `node -e ""` started and ended (what any Node process costs).
// The server process's CPU time until ready as well (less sensitive to the machine's other load). Load average at
// start and end. Prints one JSON line.
// Usage: npm run build && npx tsx bench/startup.ts   (BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres for PostgreSQL)
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import pg from 'pg';

const SAMPLES = Math.max(Number(process.env.BENCH_SAMPLES ?? 5), 1);
const port = 3900 + Math.floor(Math.random() * 50);
const round = (x: number) => Math.round(x * 100) / 100;
const loadAtStart = os.loadavg().map(round);

/** The process's CPU time so far (user + system), in ms: a figure the machine's other load inflates far less than wall time. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (100 Hz)
};

async function startAndTime(env: Record<string, string>): Promise<{ readyMs: number; readyCpuMs: number; child: ChildProcess }> {
  const started = performance.now();
  // As `npm start` runs it.
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js', 'start'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return { readyMs: Math.round(performance.now() - started), readyCpuMs: cpuMs(child.pid!), child };
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

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)!, n: s.length };
};

function signInPageJs() {
  const root = path.resolve('dist/web');
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => path.join(root, m[1]!));
  const sum = (f: (file: string) => number) => files.reduce((total, file) => total + f(file), 0);
  return {
    rawBytes: sum((f) => readFileSync(f).length),
    gzipBytes: sum((f) => gzipSync(readFileSync(f)).length),
    // What the server sends to a browser that accepts brotli: the .br written by the build, when there is one.
    sentBytes: sum((f) => (existsSync(`${f}.br`) ? readFileSync(`${f}.br`).length : readFileSync(f).length)),
    brotliBytes: sum((f) => brotliCompressSync(readFileSync(f)).length),
  };
}

const samples = { bareNodeMs: [] as number[], embeddedNewReadyMs: [] as number[], embeddedReopenReadyMs: [] as number[], embeddedNewReadyCpuMs: [] as number[], embeddedReopenReadyCpuMs: [] as number[], embeddedIdleRssMb: [] as number[], embeddedReopenIdleRssMb: [] as number[] };
for (let i = 0; i < SAMPLES; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '']);
  samples.bareNodeMs.push(Math.round(performance.now() - t));
  const dir = mkdtempSync(path.join(tmpdir(), 'etapiste-bench-'));
  try {
    const fresh = await startAndTime({ DATA_DIR: dir });
    samples.embeddedNewReadyMs.push(fresh.readyMs);
    samples.embeddedNewReadyCpuMs.push(fresh.readyCpuMs);
    samples.embeddedIdleRssMb.push(await idleRssMb(fresh.child));
    await stop(fresh.child);
    const reopened = await startAndTime({ DATA_DIR: dir });
    samples.embeddedReopenReadyMs.push(reopened.readyMs);
    samples.embeddedReopenReadyCpuMs.push(reopened.readyCpuMs);
    samples.embeddedReopenIdleRssMb.push(await idleRssMb(reopened.child));
    await stop(reopened.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const figures: Record<string, unknown> = { bench: 'startup', samples: SAMPLES, ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])) };

const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const pgSamples = { postgresNewReadyMs: [] as number[], postgresReopenReadyMs: [] as number[], postgresIdleRssMb: [] as number[] };
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const name = `etapiste_bench_${Date.now()}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      try {
        const first = await startAndTime({ DATABASE_URL: url.toString() });
        pgSamples.postgresNewReadyMs.push(first.readyMs);
        pgSamples.postgresIdleRssMb.push(await idleRssMb(first.child));
        await stop(first.child);
        const again = await startAndTime({ DATABASE_URL: url.toString() });
        pgSamples.postgresReopenReadyMs.push(again.readyMs);
        await stop(again.child);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    }
  } finally {
    await admin.end();
  }
  Object.assign(figures, Object.fromEntries(Object.entries(pgSamples).map(([k, v]) => [k, stats(v)])));
}
figures.signInPageJs = signInPageJs();
figures.machine = { cpus: os.cpus().length, loadAverage: { start: loadAtStart, end: os.loadavg().map(round) }, node: process.version };
console.log(JSON.stringify(figures));
