// The app for HTTP benches, in its own process so the load generator does not share its event loop: testConfig
// (logs silent, no web app, no background jobs), in-process event bus, pool of 10 as in production. Listens on a
// free loopback port and prints "PORT <n>" on stdout; SIGTERM closes it.
// Usage (by bench/booking-create.ts): BENCH_APP_DATABASE_URL=postgres://… node --import tsx bench/serve.ts
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openPostgres } from '../src/server/db/client.js';
import { InProcessBus } from '../src/server/realtime/bus.js';

const url = process.env.BENCH_APP_DATABASE_URL;
if (!url) throw new Error('BENCH_APP_DATABASE_URL is not set');
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
