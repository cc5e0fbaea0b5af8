import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { migrationsFolder, openPglite } from './client.js';

/**
 * A migrated PGlite database as a tarball (PGlite's dumpDataDir). Starting from it instead of initdb + migrations
 * takes a fraction of the time: the build ships one beside the server bundle for the embedded first start, and the
 * tests load one for every fresh database. Migrations newer than the dump are applied after loading it, as usual.
 */
export async function dumpMigratedPglite(compression: 'none' | 'gzip', opts: { jobsSchema?: boolean } = {}): Promise<Buffer> {
  const database = await openPglite();
  await database.migrate();
  if (opts.jobsSchema) {
    // pg-boss's own schema (tables, functions, its migrations), which a new database would otherwise create at its
    // first start while requests wait (PGlite serves one query at a time). Imported here: the tests' dump has none.
    const { createBoss } = await import('../jobs/boss.js');
    const boss = createBoss(database);
    await boss.start();
    await boss.stop({ graceful: false });
  }
  const dump = await database.pglite!.dumpDataDir(compression);
  await database.close();
  return Buffer.from(await dump.arrayBuffer());
}

/** Identifies a set of migrations: a dump made from other migrations is another file. */
export function migrationsHash(folder = migrationsFolder): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(folder, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(path.join(folder, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Written beside and renamed, so a concurrent reader never sees half a file. */
export function writeFileAtomically(file: string, data: Buffer) {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/** Where the build puts the dump: beside the bundled server (dist/server), as it does the migrations. */
export const shippedDumpPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pglite-migrated.tar.gz');

/**
 * Unpacks the shipped dump into `dataDir` when that folder holds no database yet and the build made a dump; true when
 * it did. Unpacked here, on disk, rather than handed to PGlite's loadDataDir, which passes every file through its
 * WASM memory: that memory never shrinks, and the first start would keep ~100 MB more RSS than any later one.
 * Unpacked beside and renamed, so an interrupted first start leaves no half database behind.
 */
export function unpackShippedDump(dataDir: string): boolean {
  if (existsSync(path.join(dataDir, 'PG_VERSION')) || !existsSync(shippedDumpPath)) return false;
  const partial = `${dataDir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  untar(gunzipSync(readFileSync(shippedDumpPath)), partial);
  // An empty folder (made by an earlier attempt) gives way; one with anything in it makes this throw.
  if (existsSync(dataDir)) rmdirSync(dataDir);
  renameSync(partial, dataDir);
  return true;
}

/** Extracts a ustar archive of folders and plain files (what PGlite's dumpDataDir writes) into `dir`. */
export function untar(tar: Buffer, dir: string) {
  mkdirSync(dir, { recursive: true });
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break; // the end-of-archive blocks
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    // normalize('/' + name) cannot climb above the root, so every entry lands inside dir.
    const target = path.join(dir, path.posix.normalize(`/${name}`));
    offset += 512;
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(offset, offset + size));
    } else throw new Error(`PGlite dump: entry ${name} has type ${type}, expected a file or a folder`);
    offset += Math.ceil(size / 512) * 512;
  }
}
