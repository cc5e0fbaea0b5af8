import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyExport } from '../../../../test/helpers/audit-export.js';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/helpers/databases.js';
import type { SystemActor } from '../../auth/actor.js';
import { testConfig } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { startJobs } from '../../jobs/boss.js';
import { InProcessBus } from '../../realtime/bus.js';
import { verifyAuditChain } from './chain.js';
import { exportAuditPeriod } from './export-period.js';
import { recordAudit } from './record.js';
import { removeExpiredAuditEvents, retentionCutoff } from './retention.js';
import { sealPendingAuditEvents } from './sealer.js';

const system: SystemActor = { kind: 'system', component: 'retention-test' };
const day = (ymd: string) => new Date(`${ymd}T10:00:00Z`);

describe.each(testDatabaseKinds)('audit retention on %s', (kind) => {
  let database: Database;
  let ctx: AppContext;
  const remaining = async () =>
    ((await database.db.execute(sql`SELECT action FROM audit_events ORDER BY seal_seq`)) as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
  const bypass = async (statement: ReturnType<typeof sql>) => {
    await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    await database.db.execute(statement);
    await database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
  };

  // Three events of 2019, two of 2020, one of 2024: sealed in that order.
  const written = [
    ['old.a', '2019-03-01'],
    ['old.b', '2019-06-01'],
    ['old.c', '2019-12-30'],
    ['kept.a', '2020-01-02'],
    ['kept.b', '2020-06-01'],
    ['kept.c', '2024-05-05'],
  ] as const;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    ctx = { db: database.db, database, config: testConfig({ auditRetentionYears: 5 }), bus: new InProcessBus() };
    for (const [action, at] of written) await database.db.insert(auditEvents).values({ actorType: 'system', actorId: 'retention-test', action, at: day(at), details: { at } });
    await sealPendingAuditEvents(database.db);
  });
  afterEach(() => database.close());

  it('removes exactly the events older than the retention, behind an anchor, and the kept chain still verifies', async () => {
    // On 1.3.2024 at 9 UTC nothing is five years old yet (the oldest was written at 10 UTC on 1.3.2019).
    expect(await removeExpiredAuditEvents(ctx, new Date('2024-03-01T09:00:00Z'))).toBe(0);
    expect(await remaining()).toHaveLength(6);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 6 });

    // On 1.1.2025 the three events of 2019 are past it; the one of 2.1.2020 is not.
    expect(await removeExpiredAuditEvents(ctx, new Date('2025-01-01T10:00:00Z'))).toBe(3);
    expect(await remaining()).toEqual(['kept.a', 'kept.b', 'kept.c']);
    const chain = await verifyAuditChain(database.db);
    expect(chain).toMatchObject({ ok: true, checked: 3, pending: 0, anchor: { throughSeq: 3 } });
    // Run again the same day: nothing more.
    expect(await removeExpiredAuditEvents(ctx, new Date('2025-01-01T10:00:00Z'))).toBe(0);

    // New events continue the chain after the kept ones; a later removal moves the anchor forward.
    await recordAudit(database.db, system, { action: 'new.a' });
    await sealPendingAuditEvents(database.db);
    expect(await removeExpiredAuditEvents(ctx, new Date('2025-06-01T10:00:00Z'))).toBe(1);
    expect(await remaining()).toEqual(['kept.b', 'kept.c', 'new.a']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 3, anchor: { throughSeq: 4 } });
  });

  it('still catches a kept event altered or removed, and refuses to remove one without an anchor', async () => {
    await removeExpiredAuditEvents(ctx, new Date('2025-01-01T10:00:00Z'));
    const refused = await database.db.execute(sql`DELETE FROM audit_events WHERE action = 'kept.b'`).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeDefined();
    // An anchor must name a real sealed row and move forward.
    const forged = await database.db
      .execute(sql`INSERT INTO audit_chain_anchors (through_seq, hash, removed, cutoff) VALUES (5, 'not-the-hash', 1, now())`)
      .then(() => undefined, (e: unknown) => e);
    expect(forged).toBeDefined();

    const [kept] = ((await database.db.execute(sql`SELECT id FROM audit_events WHERE action = 'kept.b'`)) as unknown as { rows: { id: number }[] }).rows;
    await bypass(sql`UPDATE audit_events SET details = '{"at": "1999-01-01"}' WHERE action = 'kept.b'`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: Number(kept!.id) });
    await bypass(sql`UPDATE audit_events SET details = '{"at": "2020-06-01"}' WHERE action = 'kept.b'`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    // The first kept event gone: the next one no longer links to the anchor.
    await bypass(sql`DELETE FROM audit_events WHERE action = 'kept.a'`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBrokenId: Number(kept!.id) });
  });

  it('continues the chain from the anchor when every event was removed, and an export after removal proves itself', async () => {
    expect(await removeExpiredAuditEvents(ctx, new Date('2031-01-01T00:00:00Z'))).toBe(6);
    expect(await remaining()).toEqual([]);
    await recordAudit(database.db, system, { action: 'after.a' });
    await recordAudit(database.db, system, { action: 'after.b' });
    await sealPendingAuditEvents(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 2, anchor: { throughSeq: 6 } });

    const auditor = { kind: 'user', userId: '00000000-0000-4000-8000-000000000001', roles: [{ role: 'auditor', organisationId: '00000000-0000-4000-8000-000000000002' }] } as never;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
    const exported = await exportAuditPeriod(ctx, auditor, { from: today, to: today, lang: 'fi', format: 'json' });
    expect(exported.events.map((e) => e.action)).toEqual(['after.a', 'after.b']);
    expect(exported.proof.anchorHash).toBe((await verifyAuditChain(database.db)).anchor!.hash);
    expect(verifyExport(exported.events, exported.proof.anchorHash)).toMatchObject({ ok: true, lastHash: exported.proof.lastHash });
    expect(exported.proof.chainVerified).toBe(true);
  });

  it('is done by the pg-boss job when jobs start (today’s clock: everything before five years ago goes)', async () => {
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const jobs = await startJobs(ctx, { log: silent, pollingIntervalSeconds: 0.5 });
    try {
      // Whatever today is, exactly the events written before five years ago go.
      const cutoff = retentionCutoff(new Date(), 5);
      await expect.poll(remaining).toEqual(written.filter(([, at]) => day(at) >= cutoff).map(([action]) => action));
    } finally {
      await jobs.stop();
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, pending: 0 });
  }, 60_000);
});
