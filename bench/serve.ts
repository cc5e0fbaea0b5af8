// The app for HTTP benches, in its own process so the load generator does not share its event loop: testConfig
// (logs silent, no web app, no background jobs), in-process event bus, pool of 10 as in production. Listens on a
// free loopback port and prints "PORT <n>" on stdout; SIGTERM closes it.
// BENCH_TRACE=1: every statement the app sends is counted and its round trip timed (call to answer, so it includes
// waiting for a pool connection's turn on the wire, not for a pool slot); SIGUSR2 prints "TRACE {json}" on stdout.
// BENCH_PROFILE_DIR (with BENCH_TRACE=1): a V8 CPU profile from one SIGUSR2 to the next (booking-create: its HTTP
// windows), written there as serve-<pid>.cpuprofile (bench/cpu-profile-summary.ts reads it).
// Usage (by bench/booking-create.ts): BENCH_APP_DATABASE_URL=postgres://… node --import tsx bench/serve.ts
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openPostgres } from '../src/server/db/client.js';
import { InProcessBus } from '../src/server/realtime/bus.js';

const url = process.env.BENCH_APP_DATABASE_URL;
if (!url) throw new Error('BENCH_APP_DATABASE_URL is not set');
if (process.env.BENCH_TRACE === '1') traceStatements();
const database = await openPostgres(url);
const config = Object.assign(testConfig(), { jobsEnabled: false });
const app = await buildApp({ config, database, bus: new InProcessBus() });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('not listening on a TCP port');
process.stdout.write(`PORT ${address.port}\n`);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});

/** Counts and times every pg.Client query by its first words (e.g. "with", "select", "begin"). */
function traceStatements() {
  const stats: Record<string, { n: number; ms: number }> = {};
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; name?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const key = `${text.trim().split(/\s+/, 1)[0]!.toLowerCase()}${typeof first === 'object' && first?.name ? ' (named)' : ''}`;
    const s = (stats[key] ??= { n: 0, ms: 0 });
    const t = performance.now();
    const done = () => {
      s.n++;
      s.ms += performance.now() - t;
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const cb = args[last] as (...a: unknown[]) => void;
      args[last] = (...a: unknown[]) => {
        done();
        cb(...a);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
    return result;
  };
  const dir = process.env.BENCH_PROFILE_DIR;
  let profiler: Session | undefined;
  process.on('SIGUSR2', () => {
    const snapshot = `TRACE ${JSON.stringify(stats)}\n`;
    void (async () => {
      if (dir && !profiler) {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
      } else if (dir && profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(path.join(dir, `serve-${process.pid}.cpuprofile`), JSON.stringify(profile));
        profiler.disconnect();
      }
      process.stdout.write(snapshot);
    })();
  });
}
