import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/server/db/client.js';
import { pgliteTemplate } from '../pglite-template.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The databases every integration suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabaseKinds: TestDatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A new, migrated database of that kind. On PostgreSQL each call creates its own database (dropped by close),
 * so concurrent test files and runs never see each other's rows.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined, { loadDataDir: pgliteTemplate() });
    await database.migrate();
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `etapiste_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 20);
  await database.migrate();
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/**
 * Another pool on the same PostgreSQL test database, as a second app instance would have. Close it before the
 * first (whose close drops the database).
 */
export async function openSecondConnection(database: Database): Promise<Database> {
  const url = database.pool?.options.connectionString;
  if (database.kind !== 'postgres' || !url) throw new Error('a second connection needs a PostgreSQL test database');
  return openPostgres(url, 10);
}
