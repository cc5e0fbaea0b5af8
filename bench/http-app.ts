// Shared by the HTTP booking benches: the app in its own process (bench/serve.ts) on a loopback port, its CPU time,
// and one signed-in booker per agency of the national data set (bench/national-data.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { BENCH_PASSWORD, bookerEmail } from './national-data.js';

export type AppProcess = { child: ChildProcess; base: string; stop(): Promise<void> };
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
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, base: `http://127.0.0.1:${port}`, stop };
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
