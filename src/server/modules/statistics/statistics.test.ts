import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsRow, StatisticsView } from '../../../shared/statistics.js';
import { type Client, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { parseCsv } from '../../../../test/helpers/csv.js';
import { PERIOD, type StatisticsWorld, statisticsWorld } from '../../../../test/helpers/statistics.js';

describe.each(testDatabaseKinds)('statistics on %s', (kind) => {
  let t: TestApp;
  let w: StatisticsWorld;
  let coordinator: Client;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    w = await statisticsWorld(t.ctx.db);
    coordinator = await signIn(t.app, w.users.coordinator.email);
  });
  afterAll(() => t.close());

  const view = async (c: Client, query: string) => {
    const res = await c.get(`/api/statistics?${PERIOD}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as StatisticsView;
  };
  const row = (v: StatisticsView, id: string) => v.rows.find((r) => r.group.id === id) as StatisticsRow;

  it('counts each measure of an agency against the hand-built fixture, hiding 1–4 people and what would tell them', async () => {
    const v = await view(coordinator, 'groupBy=agency&lang=fi');
    expect(v.rows.map((r) => r.group.id).sort()).toEqual([w.agencyA.id, w.agencyB.id].sort());
    const a = row(v, w.agencyA.id);
    expect(a.group.name).toBe(w.agencyA.name.fi);
    // 10 at P1 in the period + 1 at P2; the bookings before 20.10 00:00 and after 2.11 24:00 Helsinki time are out.
    expect(a.bookings).toBe(11);
    expect(a.bookingsByChannel).toEqual({ 'on-site': 9, 'agency-phone': 1, 'service-point-phone': 1, online: 0 });
    expect(a.cancellations).toBe(2);
    expect(a.cancellationsBy).toEqual({ agency: 1, servicePoint: 1, customer: 0, system: 0, other: 0 });
    expect(a.noShows).toBe('< 5');
    expect(a.walkIns).toBe('< 5');
    // 5, but hidden with B's 1 (the total minus A's would tell B's): statistics-suppression.test.ts has the rule.
    expect(a.walkInsLeft).toBe('< 5');
    // 8, but hidden with the 1 no-show (bookings − cancellations − meetings would tell it).
    expect(a.meetings).toBe('< 5');
    expect(a.waiting).toEqual({ count: 7, median: 8, p90: expect.closeTo(10.4, 6) });
    expect(a.duration).toEqual({ count: 7, median: 20 });
    expect(a.outcomes).toEqual({ completed: '< 5', 'customer-left': '< 5', 'technical-failure': '< 5', 'referred-elsewhere': 0 });
    expect(a.identityChecks).toEqual({ verified: 5, notVerified: '< 5', cancelled: 0 });
    expect(a.documents).toEqual({ handovers: '< 5', pages: '< 5' });
    // The network disruption belongs to no agency: counted by point, not by agency.
    expect(a.incidents).toEqual({ video: 1, audio: 0, network: 0, terminal: 0, 'document-camera': 0, other: 0 });
    expect(a.interpreting).toEqual({ fse: '< 5' });
    expect(a.calls).toBeNull();
    // The mean (23 / 6) with the count would tell the hidden scores apart: hidden with them.
    expect(a.feedback).toEqual({ count: 6, mean: '< 5', distribution: ['< 5', 0, '< 5', '< 5', '< 5'] });
    expect(a.time).toEqual({ 'identity-verification': 0, booking: 90, 'device-help': 0, 'document-reception': 0, training: 0, other: 0 });
    // Two points open 10 working days × 6 h; A booked 9 × 30 min that were not cancelled.
    expect(a.capacity).toEqual({ bookedMinutes: 270, openMinutes: 7200, share: 270 / 7200 });
    const b = row(v, w.agencyB.id);
    expect(b.bookings).toBe(3); // bookings are never suppressed
    expect(b.bookingsByChannel.online).toBe(1);
    expect(b.cancellationsBy).toEqual({ agency: 0, servicePoint: 0, customer: 1, system: 0, other: 0 });
    expect(b.meetings).toBe('< 5');
    expect(b.walkInsLeft).toBe('< 5');
    expect(b.waiting).toEqual({ count: 0, median: null, p90: null });
  });

  it('groups by Helsinki week across the DST change and the day boundary', async () => {
    const v = await view(coordinator, `groupBy=week&agencyId=${w.agencyA.id}&servicePointId=${w.p1.point.id}&lang=sv`);
    expect(v.rows.map((r) => [r.group.id, r.group.name, r.bookings])).toEqual([
      ['2025-10-20', 'Vecka 43/2025', 5],
      ['2025-10-27', 'Vecka 44/2025', 5],
    ]);
    expect(row(v, '2025-10-20').capacity).toEqual({ bookedMinutes: 120, openMinutes: 1800, share: 120 / 1800 });
    // The weekly series and the heat map: #1 at 00:30 on a Monday, #5 at 23:30 on a Sunday, both Helsinki time.
    expect(v.weekly.map((x) => [x.week, x.meetings])).toEqual([
      ['2025-10-20', '< 5'],
      ['2025-10-27', '< 5'],
    ]);
    const cell = (weekday: number, hour: number) => v.capacityByHour.find((c) => c.weekday === weekday && c.hour === hour);
    expect(cell(1, 0)).toMatchObject({ bookedMinutes: 60, openMinutes: 0, share: null });
    expect(cell(7, 23)).toMatchObject({ bookedMinutes: 30 });
    expect(cell(3, 9)).toMatchObject({ openMinutes: 120 });
  });

  it('counts calls, incidents and capacity by service point; filters by channel, language and interpreting', async () => {
    const v = await view(coordinator, 'groupBy=servicePoint');
    const p1 = row(v, w.p1.point.id);
    expect(p1.calls).toEqual({ count: 6, acknowledgedMedian: 35, acknowledgedP90: expect.closeTo(55, 6), escalated: '< 5' });
    expect(p1.incidents).toMatchObject({ video: 1, network: 1 });
    expect(p1.capacity).toEqual({ bookedMinutes: 300, openMinutes: 3600, share: 300 / 3600 });
    expect(row(v, w.p2.point.id).bookings).toBe(1);
    const byChannel = await view(coordinator, 'groupBy=channel&lang=en');
    expect(row(byChannel, 'agency-phone')).toMatchObject({ group: { name: "Agency's telephone service" }, bookings: 1 });
    // Calls, documents and incidents know no channel: not counted rather than counted wrong.
    expect(row(byChannel, 'on-site').calls).toBeNull();
    expect(row(byChannel, 'on-site').documents).toBeNull();
    const swedish = await view(coordinator, 'groupBy=language&language=sv');
    expect(swedish.rows.map((r) => [r.group.id, r.bookings])).toEqual([['sv', 1]]);
    const interpreted = await view(coordinator, 'groupBy=agency&interpreting=true');
    expect(interpreted.rows.map((r) => [r.group.id, r.bookings])).toEqual([[w.agencyA.id, 1]]);
    const service = await view(coordinator, `groupBy=service&serviceId=${w.serviceA.id}`);
    expect(service.rows.map((r) => [r.group.name, r.bookings])).toEqual([['Palvelu A', 11]]);
  });

  it("scopes an agency's expert to the agency and a point manager to the point", async () => {
    const expert = await signIn(t.app, w.users.expertA.email);
    const own = await view(expert, 'groupBy=agency');
    expect(own.rows.map((r) => r.group.id)).toEqual([w.agencyA.id]);
    // time-entry:read does not let an expert read advisors' time: not counted, not shown; the agency's admin sees it.
    expect(own.rows[0]!.time).toBeNull();
    const admin = await view(await signIn(t.app, w.users.adminA.email), 'groupBy=agency');
    expect(admin.rows[0]!.time).toMatchObject({ booking: 90, training: 0 });
    const byPoint = await view(expert, 'groupBy=servicePoint');
    expect(byPoint.rows.find((r) => r.group.id === w.p1.point.id)!.bookings).toBe(10);
    expect(byPoint.rows.every((r) => r.calls === null)).toBe(true);
    expect((await expert.get(`/api/statistics?${PERIOD}&agencyId=${w.agencyB.id}`)).statusCode).toBe(403);

    const manager = await signIn(t.app, w.users.managerP2.email);
    const managed = await view(manager, 'groupBy=servicePoint');
    expect(managed.rows.map((r) => [r.group.id, r.bookings])).toEqual([[w.p2.point.id, 1]]);
    expect(managed.rows[0]!.capacity.openMinutes).toBe(3600);
    expect((await manager.get(`/api/statistics?${PERIOD}&servicePointId=${w.p1.point.id}`)).statusCode).toBe(403);

    const advisor = await signIn(t.app, w.users.advisor.email);
    expect((await advisor.get(`/api/statistics?${PERIOD}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/statistics?${PERIOD}` })).statusCode).toBe(401);
  });

  it('refuses a bad period with 422', async () => {
    for (const q of ['from=2025-11-02&to=2025-10-20', 'from=2025-13-01&to=2025-12-01', 'from=2020-01-01&to=2025-01-01', `${PERIOD}&groupBy=room`]) {
      const res = await coordinator.get(`/api/statistics?${q}`);
      expect(res.statusCode, q).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('exports exactly the table as CSV and XLSX, suppressed cells included', async () => {
    const csv = await coordinator.get(`/api/statistics?${PERIOD}&groupBy=agency&format=csv&lang=fi`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="statistics-2025-10-20-2025-11-02.csv"');
    const [header, ...lines] = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(header!.slice(0, 3)).toEqual(['Viranomainen', 'id', 'Ajanvaraukset: Varaukset']);
    const a = lines.find((l) => l[1] === w.agencyA.id)!;
    const col = (label: string) => header!.indexOf(label);
    expect(a[0]).toBe(w.agencyA.name.fi);
    expect(a[col('Ajanvaraukset: Varaukset')]).toBe('11');
    expect(a[col('Tapaamiset: Ei saapunut')]).toBe('< 5');
    expect(a[col('Tapaamiset: Pidetyt tapaamiset')]).toBe('< 5');
    expect(a[col('Ajanvaraukset: Perutut')]).toBe('2');
    expect(a[col('Odotus ja kesto: Odotus, mediaani (min)')]).toBe('8');
    expect(col('Avunpyynnöt: Avunpyynnöt')).toBe(-1); // not available by agency: not exported either

    const xlsx = await coordinator.request({ method: 'GET', url: `/api/statistics?${PERIOD}&groupBy=agency&format=xlsx&lang=sv` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Statistik');
    const headers = (ws.getRow(5).values as unknown[]).slice(1);
    expect(headers[0]).toBe('Myndighet');
    const rowA = [6, 7].map((i) => ws.getRow(i)).find((r) => r.getCell(1).value === w.agencyA.name.sv)!;
    expect(rowA.getCell(2 + headers.indexOf('Bokningar') - 1).value).toBe(11);
    expect(rowA.getCell(1 + headers.indexOf('Uteblev')).value).toBe('< 5');
    const share = rowA.getCell(1 + headers.indexOf('Användningsgrad'));
    expect(share.numFmt).toBe('0.0 %');
    expect(share.value).toBeCloseTo(270 / 7200, 4);
  });

  it("counts a point's closures out of its open minutes, a day closed twice once, by point, by week and in the heat map", async () => {
    // P1 is open 6 hours on weekdays with one room. Closed 21.–22.10 and 22.–23.10 (Tue–Thu), and on Sat 25.10 (no hours).
    await t.ctx.db.execute(sql`INSERT INTO closures (service_point_id, starts_on, ends_on, reason) VALUES
      (${w.p1.point.id}::uuid, '2025-10-21', '2025-10-22', 'Remontti'), (${w.p1.point.id}::uuid, '2025-10-22', '2025-10-23', 'Remontti'),
      (${w.p1.point.id}::uuid, '2025-10-25', '2025-10-25', 'Remontti')`);
    try {
      const points = await view(coordinator, 'groupBy=servicePoint');
      expect(row(points, w.p1.point.id).capacity.openMinutes).toBe(3600 - 3 * 360);
      const weeks = await view(coordinator, `groupBy=week&agencyId=${w.agencyA.id}&servicePointId=${w.p1.point.id}`);
      expect([row(weeks, '2025-10-20').capacity.openMinutes, row(weeks, '2025-10-27').capacity.openMinutes]).toEqual([1800 - 3 * 360, 1800]);
      // Two Wednesdays in the period, one of them closed.
      expect(weeks.capacityByHour.find((c) => c.weekday === 3 && c.hour === 9)).toMatchObject({ openMinutes: 60 });
    } finally {
      await t.ctx.db.execute(sql`DELETE FROM closures WHERE service_point_id = ${w.p1.point.id}::uuid`);
    }
  });
});
