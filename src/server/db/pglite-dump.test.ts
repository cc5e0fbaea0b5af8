import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteTemplate } from '../../../test/pglite-template.js';
import { openPglite } from './client.js';
import { createBoss } from '../jobs/boss.js';
import { dumpMigratedPglite, untar } from './pglite-dump.js';
import { gunzipSync } from 'node:zlib';

// The embedded first start unpacks the build's migrated dump onto disk and opens it as an existing database
// (src/server/db/pglite-dump.ts); the tests' template is the same kind of dump.
describe('a migrated PGlite dump unpacked on disk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'etapiste-dump-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('opens as a migrated database to which later migrations apply', async () => {
    const dir = path.join(root, 'pglite');
    mkdirSync(dir);
    untar(Buffer.from(await pgliteTemplate()!.arrayBuffer()), dir);
    expect(readdirSync(dir)).toContain('PG_VERSION');
    const database = await openPglite(dir);
    try {
      await database.migrate(); // nothing left to apply, and no initdb ran
      const { rows } = await database.pglite!.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      expect(rows[0]!.n).toBeGreaterThan(0);
      await database.pglite!.exec(`INSERT INTO organisations (kind, short_name, name) VALUES ('principal', '{"fi":"X","sv":"X","en":"X"}', '{"fi":"X","sv":"X","en":"X"}')`);
    } finally {
      await database.close();
    }
  });

  // The build's dump (scripts/dump-pglite.ts) also holds pg-boss's schema.
  it('as the build ships it: with the pg-boss schema, opened twice', async () => {
    const dir = path.join(root, 'shipped');
    untar(gunzipSync(await dumpMigratedPglite('gzip', { jobsSchema: true })), dir);
    for (let open = 0; open < 2; open++) {
      const database = await openPglite(dir);
      try {
        await database.migrate();
        // pg-boss finds its schema made and at its version: it starts without creating or migrating anything.
        const { rows } = await database.pglite!.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'pgboss'");
        expect(rows[0]!.n).toBeGreaterThan(0);
        const boss = createBoss(database);
        await boss.start();
        await boss.createQueue('dump-test');
        await boss.send('dump-test', { n: open });
        const jobs = await database.pglite!.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dump-test'");
        expect(jobs.rows[0]!.n).toBe(open + 1); // the first open's job is still there
        await boss.stop({ graceful: false });
      } finally {
        await database.close();
      }
    }
  });

  it('keeps every entry inside the target folder', () => {
    const header = Buffer.alloc(512);
    header.write('../../escape', 0);
    header.write('0000000', 124);
    header.write('0', 156);
    const dir = path.join(root, 'inside');
    untar(Buffer.concat([header, Buffer.alloc(1024)]), dir);
    expect(readdirSync(dir)).toEqual(['escape']);
  });
});
