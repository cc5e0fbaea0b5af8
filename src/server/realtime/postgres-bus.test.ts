import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/databases.js';
import type { Database } from '../db/client.js';
import { type DomainEvent, InProcessBus, RESYNC_EVENT } from './bus.js';
import { createBus } from './create-bus.js';
import { PostgresBus } from './postgres-bus.js';

/** Collects what a bus delivers and lets a test wait for a matching event. */
function recorder(bus: PostgresBus) {
  const events: DomainEvent[] = [];
  const waiters: (() => void)[] = [];
  bus.subscribe((e) => {
    events.push(e);
    for (const w of waiters.splice(0)) w();
  });
  const waitFor = async (predicate: (e: DomainEvent) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { events, waitFor };
}

describe('createBus', () => {
  it('picks the in-process bus for the embedded database', () => {
    expect(createBus({ kind: 'pglite' } as Database)).toBeInstanceOf(InProcessBus);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgresBus', () => {
  let database: Database;
  let a: PostgresBus;
  let b: PostgresBus;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    a = createBus(database) as PostgresBus;
    b = new PostgresBus({ pool: database.pool!, minDelayMs: 50 });
    expect(a).toBeInstanceOf(PostgresBus);
    await Promise.all([a.ready(), b.ready()]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('delivers to the other instance, and exactly once to the publishing one', async () => {
    const onA = recorder(a);
    const onB = recorder(b);
    await a.publish({ type: 'booking.changed', id: 'one', servicePointId: 'sp' });
    expect(await onB.waitFor((e) => e.id === 'one')).toEqual({ type: 'booking.changed', id: 'one', servicePointId: 'sp', at: expect.any(String) });
    // B's answer travels through the database after A's own echo would have: A has still seen 'one' once.
    await b.publish({ type: 'booking.changed', id: 'two' });
    await onA.waitFor((e) => e.id === 'two');
    expect(onA.events.map((e) => e.id)).toEqual(['one', 'two']);
    expect(onB.events.map((e) => e.id)).toEqual(['one', 'two']);
  });

  it('re-LISTENs after its connection is killed, announces a resync, and events flow again', async () => {
    const onB = recorder(b);
    const killer = new pg.Client({ connectionString: database.pool!.options.connectionString });
    await killer.connect();
    const killed = await killer.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()",
    );
    await killer.end();
    expect(killed.rowCount).toBe(2);
    await onB.waitFor((e) => e.type === RESYNC_EVENT);
    expect(b.reconnects).toBe(1);
    expect(b.listening).toBe(true);
    await a.publish({ type: 'walk_in.changed', id: 'after-reconnect' });
    await onB.waitFor((e) => e.id === 'after-reconnect');
  });

  it('deflates a large event (meeting signalling) and refuses one too large even then', async () => {
    const sdp = Array.from({ length: 400 }, (_, i) => `a=rtcp-fb:${96 + (i % 30)} transport-cc`).join('\r\n');
    expect(sdp.length).toBeGreaterThan(8000);
    const onB = recorder(b);
    await a.publish({ type: 'meeting.signal', id: 'big', payload: { sdp } });
    const got = await onB.waitFor((e) => e.id === 'big');
    expect(got.payload).toEqual({ sdp });
    const random = randomBytes(12_000).toString('base64');
    await expect(a.publish({ type: 'booking.changed', id: random })).rejects.toThrow('too large');
  });

  it('still delivers locally and does not throw when the database refuses the publish', async () => {
    const pool = new pg.Pool({ connectionString: database.pool!.options.connectionString, max: 1 });
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const bus = new PostgresBus({ pool, log });
    await bus.ready();
    const local = recorder(bus);
    await pool.end();
    await expect(bus.publish({ type: 'booking.changed', id: 'local' })).resolves.toBeUndefined();
    expect(local.events.map((e) => e.id)).toEqual(['local']);
    expect(log.error).toHaveBeenCalledWith(expect.anything(), 'realtime: publishing to other instances failed');
    await bus.close();
  });
});
