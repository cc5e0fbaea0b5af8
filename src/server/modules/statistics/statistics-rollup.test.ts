import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StatisticsRow, type StatisticsView, statisticsQuery } from '../../../shared/statistics.js';
import { type Client, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { PERIOD, type StatisticsWorld, statisticsWorld } from '../../../../test/helpers/statistics.js';
import type { UserActor } from '../../auth/actor.js';
import { buildStatistics, countStatistics } from './build-statistics.js';
import { refreshStatisticsRollup } from './refresh-rollup.js';

type Person = { id: string; organisationId: string; email: string };
const actorOf = (u: Person, roles: UserActor['roles']): UserActor => ({
  kind: 'user',
  userId: u.id,
  organisationId: u.organisationId,
  email: u.email,
  name: u.email,
  roles,
  mfaEnabled: true,
  mfaPending: false,
  sessionIdHash: '',
  csrfToken: '',
});

describe.each(testDatabaseKinds)('statistics rollup on %s', (kind) => {
  let t: TestApp;
  let w: StatisticsWorld;
  let coordinator: Client;
  let expert: Client;
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    w = await statisticsWorld(t.ctx.db);
    coordinator = await signIn(t.app, w.users.coordinator.email);
    expert = await signIn(t.app, w.users.expertA.email);
  });
  afterAll(() => t.close());

  const queries = () => [
    'groupBy=agency&lang=fi',
    `groupBy=week&agencyId=${w.agencyA.id}&servicePointId=${w.p1.point.id}&lang=sv`,
    'groupBy=week',
    'groupBy=servicePoint',
    'groupBy=channel&lang=en',
    'groupBy=language&language=sv',
    'groupBy=agency&interpreting=true',
    'groupBy=agency&interpreting=false',
    `groupBy=service&serviceId=${w.serviceA.id}`,
    'from=2025-10-26&to=2025-10-27&groupBy=servicePoint',
  ];
  /** The page's JSON (through the rollup) and the same selection counted from the base tables, for one person. */
  const both = async (c: Client, actor: UserActor, query: string) => {
    const q = query.startsWith('from=') ? query : `${PERIOD}&${query}`;
    const res = await c.get(`/api/statistics?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const { format: _format, ...parsed } = statisticsQuery.parse(Object.fromEntries(new URLSearchParams(q)));
    return { rollup: res.json() as StatisticsView, base: await buildStatistics(t.ctx, actor, parsed, 'live') };
  };
  const coordinatorActor = () => actorOf(w.users.coordinator, [{ role: 'coordinator', organisationId: w.users.coordinator.organisationId }]);
  const expertActor = () => actorOf(w.users.expertA, [{ role: 'expert', organisationId: w.agencyA.id }]);
  const expectSameAsBase = async () => {
    for (const query of queries()) {
      const { rollup, base } = await both(coordinator, coordinatorActor(), query);
      expect(rollup, query).toEqual(base);
    }
    const { rollup, base } = await both(expert, expertActor(), 'groupBy=servicePoint');
    expect(rollup).toEqual(base);
  };
  const agencyA = async () => (await both(coordinator, coordinatorActor(), 'groupBy=agency')).rollup.rows.find((r) => r.group.id === w.agencyA.id) as StatisticsRow;
  const marks = async () => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM statistics_dirty_days WHERE day <= '2025-11-03'`))[0]!.n;

  it('counts through the rollup exactly as from the base tables, before and after the refresh', async () => {
    // Written after the last refresh (none yet): every day is counted live.
    expect(await marks()).toBeGreaterThan(0);
    await expectSameAsBase();
    const done = await refreshStatisticsRollup(t.ctx);
    expect(done.counted[0]!.from).toBe('2025-10-19');
    expect(await marks()).toBe(0);
    const cells = await rows<{ fine: boolean; n: number }>(sql`SELECT fine, count(*)::int AS n FROM statistics_days WHERE day BETWEEN '2025-10-19' AND '2025-11-03' GROUP BY 1 ORDER BY 1`);
    expect(cells.map((c) => c.fine)).toEqual([false, true]);
    await expectSameAsBase();
    // The figures are read from the rollup now: a changed cell shows (and is changed back).
    await t.ctx.db.execute(sql`UPDATE statistics_days SET bookings = bookings + 100 WHERE NOT fine AND day = '2025-10-21' AND agency_id = ${w.agencyA.id}::uuid AND service_point_id = ${w.p2.point.id}::uuid`);
    expect((await agencyA()).bookings).toBe(111);
    await t.ctx.db.execute(sql`UPDATE statistics_days SET bookings = bookings - 100 WHERE NOT fine AND day = '2025-10-21' AND agency_id = ${w.agencyA.id}::uuid AND service_point_id = ${w.p2.point.id}::uuid`);
    expect((await agencyA()).bookings).toBe(11);
  });

  it('shows a cancellation and a no-show at once (the day is counted live) and after the refresh', async () => {
    await refreshStatisticsRollup(t.ctx);
    const before = await agencyA();
    expect([before.cancellations, before.cancellationsBy.agency]).toEqual([2, 1]);
    // The meetings are hidden with the no-show (suppress.ts): their count before hiding.
    const meetingsOfA = async () => (await countStatistics(t.ctx, coordinatorActor(), { ...statisticsQuery.parse(Object.fromEntries(new URLSearchParams(PERIOD))), groupBy: 'agency' })).rows.find((r) => r.group.id === w.agencyA.id)!.meetings;
    expect(await meetingsOfA()).toBe(8);
    const [b8] = await rows<{ id: string }>(sql`SELECT id::text FROM bookings WHERE starts_at = '2025-10-29T08:00:00Z'`);
    await t.ctx.db.execute(sql`UPDATE bookings SET status = 'cancelled' WHERE id = ${b8!.id}::uuid`);
    await t.ctx.db.execute(
      sql`INSERT INTO booking_events (booking_id, actor_id, kind, from_status, to_status) VALUES (${b8!.id}::uuid, ${w.users.expertA.id}::uuid, 'status', 'completed', 'cancelled')`,
    );
    await t.ctx.db.execute(sql`UPDATE bookings SET status = 'no-show' WHERE starts_at = '2025-10-30T08:00:00Z'`);
    expect(await marks()).toBe(2);
    const live = await agencyA();
    expect([await meetingsOfA(), live.cancellations, live.cancellationsBy.agency, live.capacity.bookedMinutes]).toEqual([6, 3, 2, 240]);
    expect(live.noShows).toBe('< 5');
    await expectSameAsBase();
    const done = await refreshStatisticsRollup(t.ctx);
    expect(done.recounted).toBe(2);
    expect(await marks()).toBe(0);
    expect(await agencyA()).toEqual(live);
    await expectSameAsBase();
  });

  it('loses and doubles nothing when the refresh runs twice at once, or while a change is being written', async () => {
    await t.ctx.db.execute(sql`UPDATE bookings SET walk_in = true WHERE starts_at = '2025-10-31T08:00:00Z'`);
    const runs = await Promise.all([refreshStatisticsRollup(t.ctx), refreshStatisticsRollup(t.ctx)]);
    // One of them recounted the marked day; the other found nothing left to do.
    expect(runs.map((r) => r.recounted).sort()).toEqual([0, 1]);
    expect(await refreshStatisticsRollup(t.ctx)).toMatchObject({ counted: [], recounted: 0 });
    await expectSameAsBase();
    if (kind !== 'postgres') return;
    // A writer still open while the refresh runs: its mark is not seen, stays, and the day is counted live after the commit.
    const client = await t.ctx.database.pool!.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE bookings SET status = 'no-show' WHERE starts_at = '2025-10-31T08:00:00Z'`);
      await refreshStatisticsRollup(t.ctx);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await marks()).toBe(1);
    await expectSameAsBase();
    await refreshStatisticsRollup(t.ctx);
    expect(await marks()).toBe(0);
    await expectSameAsBase();
  });

  it('reads whole months from the month layer: the month edges, a DST month and a changed day are exact at once and after the refresh', async () => {
    // Wed 1.10 00:30 EEST (30.9 21:30Z: September in UTC, week 29.9) and Sun 30.11 23:45 EET (21:45Z), agency A at P1.
    for (const at of ['2025-09-30T21:30:00Z', '2025-11-30T21:45:00Z']) {
      await t.ctx.db.execute(sql`INSERT INTO bookings (reference, service_point_id, room_id, agency_id, service_id, expert_id, starts_at, ends_at, status, channel, customer_name, language)
        SELECT ${`SM${at.slice(5, 7)}`}, service_point_id, room_id, agency_id, service_id, expert_id, ${at}::timestamptz, ${at}::timestamptz + interval '30 minutes', 'completed', channel, customer_name, language
        FROM bookings WHERE starts_at = '2025-10-29T08:00:00Z'`);
    }
    await refreshStatisticsRollup(t.ctx);
    const monthRows = async () => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM statistics_months WHERE day BETWEEN '2025-10-01' AND '2025-11-30'`))[0]!.n;
    expect(await monthRows()).toBeGreaterThan(0);
    // Whole months only, a whole month between two edges, an edge on each side; coarse and fine; two people.
    const monthQueries = [
      'from=2025-10-01&to=2025-11-30&groupBy=agency',
      'from=2025-10-01&to=2025-11-30&groupBy=servicePoint&interpreting=false',
      'from=2025-09-15&to=2025-12-02&groupBy=agency',
      'from=2025-10-02&to=2025-11-30&groupBy=agency',
      'from=2025-10-01&to=2025-11-29&groupBy=channel',
      `from=2025-10-01&to=2025-11-30&groupBy=service&serviceId=${w.serviceA.id}`,
    ];
    const expectMonthsAsBase = async () => {
      for (const query of monthQueries) {
        const { rollup, base } = await both(coordinator, coordinatorActor(), query);
        expect(rollup, query).toEqual(base);
      }
      const { rollup, base } = await both(expert, expertActor(), 'from=2025-10-01&to=2025-11-30&groupBy=servicePoint');
      expect(rollup).toEqual(base);
    };
    await expectMonthsAsBase();
    const months = async () => (await both(coordinator, coordinatorActor(), 'from=2025-10-01&to=2025-11-30&groupBy=agency')).rollup;
    const a = (v: StatisticsView) => v.rows.find((r) => r.group.id === w.agencyA.id) as StatisticsRow;
    const before = await months();
    // Small counts are hidden in the view ("< 5"); the unhidden counts show the change.
    const counted = () => countStatistics(t.ctx, coordinatorActor(), statisticsQuery.parse(Object.fromEntries(new URLSearchParams('from=2025-10-01&to=2025-11-30&groupBy=agency'))));
    const countedBefore = await counted();
    // The 11 of the period, 19.10 23:30, 3.11 00:30 and the two above: 1.10 00:30 counts in October and in the week of 29.9.
    expect(a(before).bookings).toBe(15);
    expect(before.weekly.find((x) => x.week === '2025-09-29' && x.agency.id === w.agencyA.id)).toBeTruthy();
    // The whole months are read from the month rows: a changed month row shows (and is changed back).
    const shift = (n: number) =>
      t.ctx.db.execute(sql`UPDATE statistics_months SET bookings = bookings + ${n} WHERE NOT fine AND day BETWEEN '2025-10-01' AND '2025-10-31' AND agency_id = ${w.agencyA.id}::uuid
        AND service_point_id = ${w.p2.point.id}::uuid`);
    await shift(100);
    expect(a(await months()).bookings).toBe(115);
    await shift(-100);
    // A change on a rolled-up day of a whole month shows at once (the point's month is read from its days) and after the refresh.
    await t.ctx.db.execute(sql`UPDATE bookings SET status = 'no-show' WHERE starts_at = '2025-09-30T21:30:00Z'`);
    expect(await marks()).toBe(1);
    const live = await months();
    expect([a(await counted()).meetings, a(live).bookings]).toEqual([(a(countedBefore).meetings as number) - 1, 15]);
    await expectMonthsAsBase();
    expect((await refreshStatisticsRollup(t.ctx)).recounted).toBe(1);
    expect(await marks()).toBe(0);
    expect(await months()).toEqual(live);
    await expectMonthsAsBase();
  });
  it('holds the meetings measures and identity checks in the cells: the same as the base tables, a changed meeting, check-in or identity check at once and after the refresh', async () => {
    await refreshStatisticsRollup(t.ctx);
    // Unhidden figures, so that every median, p90 and outcome is compared: through the rollup and from the base tables.
    const counted = (query: string, path: 'rollup' | 'live') => countStatistics(t.ctx, coordinatorActor(), statisticsQuery.parse(Object.fromEntries(new URLSearchParams(query))), path);
    // The Helsinki day boundary (20.10 00:30 EEST is 19.10 in UTC), the DST week (26.10 23:30 EET and 27.10 00:30 EET),
    // the month layer (whole October and November) and its edges.
    const meetingQueries = [
      `${PERIOD}&groupBy=agency`,
      `${PERIOD}&groupBy=week`,
      `${PERIOD}&groupBy=servicePoint&interpreting=false`,
      `${PERIOD}&groupBy=channel`,
      'from=2025-10-20&to=2025-10-20&groupBy=agency',
      'from=2025-10-26&to=2025-10-27&groupBy=week',
      'from=2025-10-01&to=2025-11-30&groupBy=agency',
      'from=2025-09-15&to=2025-12-02&groupBy=servicePoint',
    ];
    const expectMeetingsAsBase = async () => {
      for (const query of meetingQueries) expect(await counted(query, 'rollup'), query).toEqual(await counted(query, 'live'));
    };
    const a = async (query = `${PERIOD}&groupBy=agency`) => (await counted(query, 'rollup')).rows.find((r) => r.group.id === w.agencyA.id) as StatisticsRow;
    const [stored] = await rows<{ waits: number; durations: number; completed: number }>(
      sql`SELECT sum(cardinality(waits))::int AS waits, sum(cardinality(durations))::int AS durations, sum(completed)::int AS completed FROM statistics_days WHERE NOT fine`,
    );
    const before = await a();
    expect(before.waiting.count).toBe(7);
    expect(stored!.waits).toBeGreaterThanOrEqual(7);
    expect(stored!.durations).toBe(stored!.waits);
    expect(stored!.completed).toBeGreaterThan(0);
    await expectMeetingsAsBase();
    // Read from the cells: an altered stored wait shows (and is changed back).
    const alter = (v: string) => t.ctx.db.execute(sql`UPDATE statistics_days SET waits = ${sql.raw(v)} WHERE NOT fine AND cardinality(waits) > 0 AND day = '2025-10-20' AND agency_id = ${w.agencyA.id}::uuid`);
    const [original] = await rows<{ waits: number[] }>(sql`SELECT waits FROM statistics_days WHERE NOT fine AND cardinality(waits) > 0 AND day = '2025-10-20' AND agency_id = ${w.agencyA.id}::uuid`);
    await alter(`waits || 1000::float8`);
    expect((await a()).waiting.count).toBe(8);
    await alter(`'{${original!.waits.join(',')}}'::float8[]`);
    expect(await a()).toEqual(before);
    // A meeting admitted 30 minutes later (27.10 00:30 EET, the Monday after the DST change): at once, and after the refresh.
    await t.ctx.db.execute(sql`UPDATE meetings SET admitted_at = admitted_at + interval '30 minutes' WHERE booking_id = (SELECT id FROM bookings WHERE starts_at = '2025-10-26T22:30:00Z')`);
    expect(await marks()).toBe(1);
    const changed = await a();
    expect(changed.waiting.p90).not.toEqual(before.waiting.p90);
    await expectMeetingsAsBase();
    expect((await refreshStatisticsRollup(t.ctx)).recounted).toBe(1);
    expect(await marks()).toBe(0);
    expect(await a()).toEqual(changed);
    await expectMeetingsAsBase();
    // An earlier check-in event (the wait starts at the first) and a changed outcome of a meeting in a whole month.
    await t.ctx.db.execute(sql`INSERT INTO booking_events (booking_id, kind, from_status, to_status, at)
      SELECT id, 'status', 'booked', 'checked-in', starts_at - interval '2 hours' FROM bookings WHERE starts_at = '2025-10-19T21:30:00Z'`);
    await t.ctx.db.execute(sql`UPDATE meetings SET outcome = 'referred-elsewhere' WHERE booking_id = (SELECT id FROM bookings WHERE starts_at = '2025-10-29T08:00:00Z')`);
    expect(await marks()).toBe(2);
    const month = 'from=2025-10-01&to=2025-11-30&groupBy=agency';
    const monthBefore = await a(month);
    await expectMeetingsAsBase();
    expect((await a()).waiting.median).not.toEqual(changed.waiting.median);
    expect((await a(month)).outcomes['referred-elsewhere']).toBe(1);
    expect((await refreshStatisticsRollup(t.ctx)).recounted).toBe(2);
    expect(await a(month)).toEqual(monthBefore);
    await expectMeetingsAsBase();
    // The identity checks' results are in the cells too: one cancelled afterwards (20.10 in Helsinki).
    const checked = await a();
    await t.ctx.db.execute(sql`UPDATE identity_checks SET status = 'cancelled' WHERE booking_id IN (SELECT id FROM bookings WHERE starts_at = '2025-10-21T07:00:00Z')`);
    expect(await marks()).toBe(1);
    const cancelled = await a();
    expect([cancelled.identityChecks.verified, cancelled.identityChecks.cancelled]).toEqual([(checked.identityChecks.verified as number) - 1, (checked.identityChecks.cancelled as number) + 1]);
    await expectMeetingsAsBase();
    expect((await refreshStatisticsRollup(t.ctx)).recounted).toBe(1);
    expect(await a()).toEqual(cancelled);
    await expectMeetingsAsBase();
  });
});
