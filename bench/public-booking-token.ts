// The manage link's token lookup, whole HTTP request: GET /api/public/bookings/:token with the right token, a wrong
// token of the right shape, one differing in its last character only, and a malformed one, interleaved round by
// round on one embedded database (PGlite) seeded with the demo world, timed around app.inject. The figures
// show whether the answer time tells anything about a guess (issue 17: "a wrong token → 404 without timing
// difference worth measuring"). One JSON line. Usage: npx tsx bench/public-booking-token.ts (BENCH_N=400 rounds).
import os from 'node:os';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openPglite } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { InProcessBus } from '../src/server/realtime/bus.js';
import { pgliteTemplate } from '../test/pglite-template.js';
import { publicBookingRepository } from '../src/server/modules/public-booking/repository.js';
import { addDays, localDate, weekdayOf, zonedInstant } from '../src/server/modules/scheduling/time.js';
import { percentile } from './lib.js';

const N = Math.min(Math.max(Number(process.env.BENCH_N ?? 400), 20), 10_000);
const ms = (x: number) => Math.round(x * 1000) / 1000;

const database = await openPglite(undefined, { loadDataDir: pgliteTemplate() });
await database.migrate();
const config = testConfig();
await seedDemo(database.db, config.demoPassword);
const app = await buildApp({ config, database, bus: new InProcessBus() });
await app.ready();

let day = addDays(localDate(new Date(), 'Europe/Helsinki'), 3);
while (weekdayOf(day) > 5) day = addDays(day, 1);
const [point] = await publicBookingRepository.activeServicePoints(database.db);
const service = (await publicBookingRepository.onlineServices(database.db))[0]!.service;
const created = await app.inject({
  method: 'POST',
  url: '/api/public/bookings',
  payload: { servicePointId: point!.id, agencyId: service.agencyId, serviceId: service.id, start: zonedInstant(day, '12:00', 'Europe/Helsinki').toISOString(), customer: { name: 'Bench', email: 'bench@example.com' }, language: 'fi' },
});
if (created.statusCode !== 201) throw new Error(created.body);
const token: string = created.json().token;
const flip = (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');
const cases = { right: token, lastCharWrong: flip(token), wrong: 'Q'.repeat(43), malformed: 'x' } as const;
const times: Record<keyof typeof cases, number[]> = { right: [], lastCharWrong: [], wrong: [], malformed: [] };

for (let i = 0; i < N + 20; i++) {
  for (const [name, value] of Object.entries(cases) as [keyof typeof cases, string][]) {
    const began = performance.now();
    await app.inject({ method: 'GET', url: `/api/public/bookings/${value}`, remoteAddress: `10.0.${i % 250}.${Object.keys(cases).indexOf(name)}` });
    if (i >= 20) times[name].push(performance.now() - began);
  }
}
const summary = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { p50: ms(percentile(xs, 50)), p90: ms(percentile(xs, 90)) }]));
console.log(JSON.stringify({ bench: 'public-booking-token', rounds: N, cpus: os.cpus().length, node: process.version, ms: summary }));
await app.close();
await database.close();
