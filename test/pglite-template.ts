import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPglite } from '../src/server/db/client.js';

/**
 * A migrated PGlite database, dumped once per set of migrations and loaded by every test that needs a fresh one:
 * loading takes a fraction of initdb + migrations (measured 2.5 s vs 17 s on a loaded 2-core machine).
 */
const migrations = path.resolve('src/server/db/migrations');

function templatePath(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(migrations, { recursive: true }).map(String).sort()) {
    const full = path.join(migrations, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(full));
  }
  return path.resolve('.tmp', `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Vitest global setup: make the template when the migrations changed. */
export default async function setup() {
  const file = templatePath();
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const database = await openPglite();
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  // Written beside and renamed, so a concurrent run never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

let cached: Buffer | undefined;
/** The template as a Blob for PGlite's loadDataDir, or undefined when no template was made. */
export function pgliteTemplate(): Blob | undefined {
  if (!cached) {
    const file = templatePath();
    if (!existsSync(file)) return undefined;
    cached = readFileSync(file);
  }
  return new Blob([new Uint8Array(cached)]);
}
