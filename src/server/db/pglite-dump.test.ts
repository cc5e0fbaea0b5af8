import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteTemplate } from '../../../test/pglite-template.js';
import { openPglite } from './client.js';
import { untar } from './pglite-dump.js';

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
