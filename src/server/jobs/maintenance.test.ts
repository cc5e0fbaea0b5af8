import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { type Jobs, startJobs } from './boss.js';
import { VACUUM_QUEUE } from './maintenance.js';

const rowsOf = async <T>(t: TestApp, query: ReturnType<typeof sql>) => (await t.ctx.db.execute(query)) as unknown as { rows: T[] };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(testDatabaseKinds)('database housekeeping on %s', (kind) => {
  let t: TestApp;
  let jobs: Jobs;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true });
    jobs = await startJobs(t.ctx, { log: silent, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
  });

  const lastVacuum = async () =>
    (await rowsOf<{ at: Date | null }>(t, sql`SELECT last_vacuum AS at FROM pg_stat_user_tables WHERE relname = 'bookings'`)).rows[0]?.at ?? null;
  const scheduled = async () => (await jobs.boss.getSchedules()).filter((s) => s.name === VACUUM_QUEUE).map((s) => s.cron);

  it.runIf(kind === 'pglite')('vacuums the embedded database every night (PGlite has no autovacuum), and on demand', async () => {
    expect(await scheduled()).toEqual(['45 2 * * *']);
    // Rows an update leaves behind are what the vacuum reclaims.
    await t.ctx.db.execute(sql`UPDATE bookings SET version = version`);
    const before = await lastVacuum();
    const asked = new Date();
    await jobs.vacuumDatabase();
    const after = await lastVacuum();
    expect(after).not.toBeNull();
    expect(new Date(after!).getTime()).toBeGreaterThanOrEqual(asked.getTime() - 1000);
    expect(after).not.toEqual(before);
  });

  it.runIf(kind === 'postgres')('leaves a PostgreSQL server to its autovacuum: no nightly job', async () => {
    expect(await scheduled()).toEqual([]);
    await expect(jobs.vacuumDatabase()).resolves.toBeUndefined();
  });
});
