// What the input guard (src/server/http/input-guard.ts) costs per request: one inspect() of a typical booking body
// and of a body with 500-character free text, against the bare baseline of parsing the same JSON (which every
// request pays anyway). Prints one JSON line: µs per call, with the load average at start and end.
import os from 'node:os';
import { inspect } from '../src/server/http/input-guard.js';
import { percentile } from './lib.js';

const loadStart = os.loadavg()[0];
const booking = JSON.stringify({
  servicePointId: '7f0c1d9e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
  agencyId: '1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d',
  serviceId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  start: '2026-12-14T10:00:00+02:00',
  customer: { name: 'Maija Meikäläinen', phone: '040 123 4567', email: 'maija@example.com' },
  language: 'fi',
  channel: 'on-site',
  note: 'Asiakas tulee tulkin kanssa, varaus puhelimitse klo 9.15.',
});
const longText = JSON.stringify({ coverNote: 'Liitteenä hakemus ja kaksi todistusta, 12.3.2026 – 040 123 4567. '.repeat(8).slice(0, 500) });

function measure(label: string, json: string, work: (s: string) => unknown, rounds = 20, perRound = 2_000) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) work(json);
    samples.push(((performance.now() - t0) * 1000) / perRound);
  }
  return { [`${label}_p50_us`]: percentile(samples, 50), [`${label}_p95_us`]: percentile(samples, 95) };
}

// Warm up both paths so the JIT has compiled them before anything is timed.
measure('warm', booking, (s) => inspect(JSON.parse(s), []), 5);
const figures = {
  bench: 'input-guard',
  ...measure('booking_parse_baseline', booking, (s) => JSON.parse(s)),
  ...measure('booking_parse_and_guard', booking, (s) => inspect(JSON.parse(s), [])),
  ...measure('note500_parse_baseline', longText, (s) => JSON.parse(s)),
  ...measure('note500_parse_and_guard', longText, (s) => inspect(JSON.parse(s), [])),
  load_start: Math.round(loadStart! * 100) / 100,
  load_end: Math.round(os.loadavg()[0]! * 100) / 100,
};
console.log(JSON.stringify(figures));
