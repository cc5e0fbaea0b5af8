// Start-up smoke test of the built bundle on whatever Node runs this script (CI: the machine's own Node, while the
// suite runs on Node 24): start on a fresh embedded PGlite, wait for /readyz, stop with SIGTERM, expect a clean exit.
// Prints one JSON line. Usage: node scripts/smoke-start.mjs (after npm run build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dataDir = mkdtempSync(path.join(tmpdir(), 'etapiste-smoke-'));
const started = Date.now();
const child = spawn(process.execPath, ['dist/server/main.js', 'start'], {
  env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS_ENABLED: 'true' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
const fail = (message) => {
  console.error(`${message}\n${output}`);
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
};
const timer = setTimeout(() => fail('smoke: not ready within 120 s'), 120_000);
child.once('exit', (code, signal) => fail(`smoke: the server exited early (${code ?? signal})`));

const url = await new Promise((resolve) => {
  const onData = (chunk) => {
    output += chunk.toString();
    const m = /running at (http:\/\/\S+)/.exec(output);
    if (m) resolve(m[1]);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
});
const ready = await fetch(`${url}/readyz`);
const body = await ready.json();
if (ready.status !== 200 || body.status !== 'ready') fail(`smoke: /readyz answered ${ready.status} ${JSON.stringify(body)}`);
const readyMs = Date.now() - started;
child.removeAllListeners('exit');
const exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
child.kill('SIGTERM');
const code = await exit;
clearTimeout(timer);
rmSync(dataDir, { recursive: true, force: true });
if (code !== 0) fail(`smoke: exit code ${code} after SIGTERM`);
console.log(JSON.stringify({ smoke: 'start', node: process.version, readyMs, database: body.database }));
