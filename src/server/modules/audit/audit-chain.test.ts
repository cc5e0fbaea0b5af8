import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { openSecondConnection, openTestDatabase, testDatabaseKinds } from '../../../../test/helpers/databases.js';
import type { SystemActor } from '../../auth/actor.js';
import { type Database, openPglite } from '../../db/client.js';
import { recordAudit } from './record.js';
import { sealAuditEvents, verifyAuditChain } from './chain.js';
import { sealPendingAuditEvents } from './sealer.js';

const actor: SystemActor = { kind: 'system', component: 'audit-test' };
const rowsOf = async <T>(database: Database, query: ReturnType<typeof sql>) => (await database.db.execute(query)) as unknown as { rows: T[] };
const unsealed = async (database: Database) => (await rowsOf<{ n: number }>(database, sql`SELECT count(*)::int AS n FROM audit_events WHERE seal_seq IS NULL`)).rows[0]!.n;

/** Runs test/helpers/audit-writer.ts against the database, waits until it wrote, and kills it with SIGKILL. */
async function writeAndKill(target: string, n: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/audit-writer.ts', target, String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const written = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /WRITTEN (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before writing`)));
  });
  child.kill('SIGKILL');
  await exited;
  return written;
}

describe.each(testDatabaseKinds)('audit chain on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // The app's own sealer idles, so the test decides when rows are sealed.
    t = await createTestApp(kind, { seed: true, auditSealIntervalMs: 3_600_000 });
  });
  afterAll(() => t.close());

  it('appends rows unsealed and seals them in order; verify seals what is committed and checks it', async () => {
    // The sealer's first round (on start) takes the seeded rows.
    await expect.poll(() => unsealed(t.ctx.database)).toBe(0);
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(t.ctx.db, actor, { action: 'test.append', details: { i } })));
    expect(await unsealed(t.ctx.database)).toBe(20);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 20 });

    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    const res = (await auditor.get('/api/audit-events/verify')).json();
    expect(res).toMatchObject({ ok: true, pending: 0 });
    expect(res.checked).toBeGreaterThan(20);
    const { rows } = await rowsOf<{ gaps: number; unchained: number }>(
      t.ctx.database,
      sql`SELECT count(*) FILTER (WHERE seal_seq <> n)::int AS gaps, count(*) FILTER (WHERE hash IS NULL)::int AS unchained
          FROM (SELECT seal_seq, hash, row_number() OVER (ORDER BY seal_seq) AS n FROM audit_events WHERE seal_seq IS NOT NULL) s`,
    );
    expect(rows[0]).toEqual({ gaps: 0, unchained: 0 });
  });

  it('refuses UPDATE and DELETE, also of an unsealed row, and a writer bringing its own seal', async () => {
    await recordAudit(t.ctx.db, actor, { action: 'test.unsealed' });
    await sealPendingAuditEvents(t.ctx.db);
    await recordAudit(t.ctx.db, actor, { action: 'test.unsealed' });
    const attempts = [
      sql`UPDATE audit_events SET details = '{"x":1}' WHERE seal_seq IS NOT NULL AND action = 'test.unsealed'`,
      sql`UPDATE audit_events SET details = '{"x":1}' WHERE seal_seq IS NULL AND action = 'test.unsealed'`,
      sql`UPDATE audit_events SET seal_seq = seal_seq + 100000 WHERE action = 'test.unsealed' AND seal_seq IS NOT NULL`,
      sql`UPDATE audit_events SET seal_seq = 999999, action = 'test.other' WHERE action = 'test.unsealed' AND seal_seq IS NULL`,
      sql`DELETE FROM audit_events WHERE action = 'test.unsealed'`,
    ];
    for (const attempt of attempts) {
      const error = await t.ctx.db.execute(attempt).then(() => undefined, (e: unknown) => e);
      expect(error, String(attempt.queryChunks[0])).toBeDefined();
    }
    await t.ctx.db.execute(sql`INSERT INTO audit_events (actor_type, action, seal_seq, prev_hash, hash) VALUES ('system', 'test.forged', 1, 'x', 'y')`);
    const forged = await rowsOf<{ seal_seq: unknown; hash: unknown }>(t.ctx.database, sql`SELECT seal_seq, hash FROM audit_events WHERE action = 'test.forged'`);
    expect(forged.rows).toEqual([{ seal_seq: null, hash: null }]);
    await sealPendingAuditEvents(t.ctx.db);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('catches a sealed row altered, or removed, with the trigger disabled', async () => {
    const database = await openTestDatabase(kind);
    try {
      for (let i = 0; i < 5; i++) await recordAudit(database.db, actor, { action: 'test.tamper', details: { i } });
      await sealPendingAuditEvents(database.db);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5, pending: 0 });
      const { rows } = await rowsOf<{ id: number }>(database, sql`SELECT id FROM audit_events ORDER BY seal_seq`);
      const [third, fourth] = [Number(rows[2]!.id), Number(rows[3]!.id)];
      const bypass = async (statement: ReturnType<typeof sql>) => {
        await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
        await database.db.execute(statement);
        await database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
      };
      await bypass(sql`UPDATE audit_events SET details = '{"i":99}' WHERE id = ${third}`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: third });
      await bypass(sql`UPDATE audit_events SET details = '{"i":2}' WHERE id = ${third}`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
      await bypass(sql`DELETE FROM audit_events WHERE id = ${third}`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: fourth });
    } finally {
      await database.close();
    }
  });

  it('loses nothing when the writing process is killed before sealing: the next one seals its rows', async () => {
    let target: string;
    let dir: string | undefined;
    let database: Database;
    if (kind === 'postgres') {
      database = await openTestDatabase('postgres');
      target = database.pool!.options.connectionString!;
    } else {
      dir = mkdtempSync(path.join(os.tmpdir(), 'etapiste-audit-'));
      target = dir;
    }
    try {
      const written = await writeAndKill(target, 25);
      expect(written).toBe(25);
      if (dir) database = await openPglite(dir);
      const next = await createTestApp(kind, { database: kind === 'postgres' ? await openSecondConnection(database!) : database! });
      try {
        // The new process's sealer seals them on start.
        await expect.poll(() => unsealed(database!)).toBe(0);
        const chain = await verifyAuditChain(database!.db);
        expect(chain).toMatchObject({ ok: true, pending: 0 });
        const { rows } = await rowsOf<{ n: number }>(database!, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.crash_write' AND hash IS NOT NULL`);
        expect(rows[0]!.n).toBe(25);
      } finally {
        await next.app.close();
        if (kind === 'postgres') await next.ctx.database.close();
      }
    } finally {
      await database!.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(kind === 'postgres')('keeps one chain when writers and two sealers run at once', async () => {
    const second = await openSecondConnection(t.ctx.database);
    try {
      const writes = Array.from({ length: 200 }, (_, i) => recordAudit(i % 2 ? second.db : t.ctx.db, actor, { action: 'test.concurrent', details: { i } }));
      const sealing = (async () => {
        let sealed = 0;
        while (sealed < 200) sealed += (await Promise.all([sealAuditEvents(t.ctx.db, 7), sealAuditEvents(second.db, 7)])).reduce((a, b) => a + b, 0);
      })();
      await Promise.all([...writes, sealing]);
      await sealPendingAuditEvents(t.ctx.db);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
    } finally {
      await second.close();
    }
  });
});
