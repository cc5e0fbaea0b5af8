// Shared by the HTTP booking benches: the app in its own process (bench/serve.ts) on a loopback port, its CPU time,
// and one signed-in booker per agency of the national data set (bench/national-data.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { BENCH_PASSWORD, bookerEmail } from './national-data.js';

export type AppProcess = {
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
  /** With BENCH_TRACE=1: the statements the app has sent so far, by first word (count, summed round-trip ms). */
  trace(): Promise<Trace | undefined>;
};
export type Trace = Record<string, { n: number; ms: number }>;
export type Session = { cookie: string; csrf: string; agencyId: string; serviceId: string };

/** CPU time (user + system) a process has used so far, in ms. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

export async function startServer(url: string): Promise<AppProcess> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serve.ts');
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', script], {
    env: { ...process.env, BENCH_APP_DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app did not start in 60 s')), 60_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code})`)));
  });
  const trace = async (): Promise<Trace | undefined> => {
    if (process.env.BENCH_TRACE !== '1') return undefined;
    return new Promise((resolve) => {
      let buffered = '';
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        const m = /TRACE (\{.*\})\n/.exec(buffered);
        if (!m) return;
        child.stdout!.off('data', onData);
        resolve(JSON.parse(m[1]!) as Trace);
      };
      child.stdout!.on('data', onData);
      child.kill('SIGUSR2');
    });
  };
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, base: `http://127.0.0.1:${port}`, stop, trace };
}

/** What the app sent between two traces: statements per created booking by first word, and the round trips' ms. */
export function traceDelta(before: Trace | undefined, after: Trace | undefined, per: number) {
  if (!before || !after || per === 0) return undefined;
  const out: Record<string, { perBooking: number; msEach: number }> = {};
  for (const [key, a] of Object.entries(after)) {
    const n = a.n - (before[key]?.n ?? 0);
    const ms = a.ms - (before[key]?.ms ?? 0);
    if (n > 0) out[key] = { perBooking: Math.round((n / per) * 100) / 100, msEach: Math.round((ms / n) * 100) / 100 };
  }
  return out;
}

/**
 * CPU (user + system, ms) of the PostgreSQL backends serving one database, per backend pid, split by whether their
 * application_name is `mine` (the bench's own pool) or not (the app). Read from /proc: the server runs on this
 * machine. A backend that exits between two readings loses its last part (the pools here keep theirs open).
 */
export async function backendCpu(pool: pg.Pool, mine: string): Promise<{ app: Map<number, number>; bench: Map<number, number> }> {
  const { rows } = await pool.query<{ pid: number; app: string }>(
    `SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  const app = new Map<number, number>();
  const bench = new Map<number, number>();
  for (const r of rows) {
    try {
      (r.app === mine ? bench : app).set(r.pid, processCpuMs(r.pid));
    } catch {
      // gone meanwhile
    }
  }
  return { app, bench };
}

/** CPU used between two readings of backendCpu's maps (a backend born in between counts whole). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}

/** One signed-in booker per agency, with the agency's first service. */
export async function signInBookers(base: string, pool: pg.Pool, agencies: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < agencies; i++) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: bookerEmail(i), password: BENCH_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${bookerEmail(i)}: ${res.status} ${await res.text()}`);
    const cookie = /etapiste_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    const body = (await res.json()) as { csrfToken: string; user: { id: string } };
    const { rows } = await pool.query<{ agency_id: string; service_id: string }>(
      `SELECT ra.organisation_id AS agency_id, (SELECT id FROM services s WHERE s.agency_id = ra.organisation_id ORDER BY s.id LIMIT 1) AS service_id
       FROM role_assignments ra WHERE ra.user_id = $1 AND ra.role = 'agency-booker'`,
      [body.user.id],
    );
    sessions.push({ cookie: `etapiste_session=${cookie}`, csrf: body.csrfToken, agencyId: rows[0]!.agency_id, serviceId: rows[0]!.service_id });
  }
  return sessions;
}

/** POST /api/bookings as the session's booker; status and wall time (status 0: no answer within fetch's 300 s). */
export async function postBooking(base: string, session: Session, servicePointId: string, start: string) {
  const t = performance.now();
  const res = await fetch(`${base}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({
      servicePointId,
      agencyId: session.agencyId,
      serviceId: session.serviceId,
      start,
      customer: { name: 'Maija Meikäläinen', phone: '040 123 4567', email: 'maija@example.com' },
      language: 'fi',
      channel: 'agency-phone',
    }),
  }).catch((error: unknown) => ({ status: 0, text: async () => String((error as { cause?: unknown }).cause ?? error) }));
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t, text };
}
