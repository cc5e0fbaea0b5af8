import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, heardOn, postgresInstance, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createOrganisation, createUser } from '../../../../test/helpers/factories.js';
import { bookingWorld, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { CATALOGUE_CHANGED } from './availability-catalogue.js';
import { weekdayOf } from './time.js';

// Availability keeps everything but busy time in a per-instance catalogue (availability-catalogue.ts). Each admin
// change below is asked about before (so the catalogue holds the old state) and after.

type World = Awaited<ReturnType<typeof bookingWorld>>;
type SlotView = { start: string; end: string; roomId: string; expertId: string };

async function adminOf(t: TestApp) {
  const ministry = await createOrganisation(t.ctx.db, 'ministry');
  const admin = await createUser(t.ctx.db, { organisationId: ministry.id, role: 'main-admin' });
  return signIn(t.app, admin.email);
}

async function slotsOn(client: Client, w: World, day: string): Promise<SlotView[]> {
  const q = { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, from: day, to: day };
  const res = await client.get(`/api/availability?${new URLSearchParams(q)}`);
  if (res.statusCode !== 200) return [];
  return res.json().slots;
}

const localTime = (iso: string) => iso.slice(11, 16);

describe.each(testDatabaseKinds)('availability follows admin changes at once on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    admin = await adminOf(t);
  });
  afterAll(() => t.close());

  const world = async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 1 });
    return { w, advisor: await signIn(t.app, w.advisor.email) };
  };

  it("an expert's working hours and a day off", async () => {
    const { w, advisor } = await world();
    const day = workingDayAhead(10);
    expect(await slotsOn(advisor, w, day)).toHaveLength(23); // 09:00 … 14:30
    const put = (body: unknown) => admin.put(`/api/experts/${w.experts[0]!.id}/working-hours`, body);
    expect((await put({ weekly: [{ weekday: weekdayOf(day), starts: '12:00', ends: '16:00' }], exceptions: [] })).statusCode).toBe(200);
    const afternoon = await slotsOn(advisor, w, day);
    expect(afternoon.map((s) => localTime(s.start))).toEqual(['12:00', '12:15', '12:30', '12:45', '13:00', '13:15', '13:30', '13:45', '14:00', '14:15', '14:30']);
    expect((await put({ weekly: [{ weekday: weekdayOf(day), starts: '12:00', ends: '16:00' }], exceptions: [{ day, reason: 'Koulutus' }] })).statusCode).toBe(200);
    expect(await slotsOn(advisor, w, day)).toHaveLength(0);
  });

  it('a closure added and removed', async () => {
    const { w, advisor } = await world();
    const day = workingDayAhead(12);
    expect(await slotsOn(advisor, w, day)).toHaveLength(23);
    const closure = await advisor.post(`/api/service-points/${w.point.id}/closures`, { startsOn: day, endsOn: day, reason: 'Remontti' });
    expect(closure.statusCode).toBe(201);
    expect(await slotsOn(advisor, w, day)).toHaveLength(0);
    expect((await admin.request({ method: 'DELETE', url: `/api/closures/${closure.json().id}` })).statusCode).toBe(200);
    expect(await slotsOn(advisor, w, day)).toHaveLength(23);
  });

  it("a service's length, and the service withdrawn", async () => {
    const { w, advisor } = await world();
    const day = workingDayAhead(11);
    expect(await slotsOn(advisor, w, day)).toHaveLength(23);
    expect((await admin.patch(`/api/services/${w.service.id}`, { durationMinutes: 60 })).statusCode).toBe(200);
    const hourly = await slotsOn(advisor, w, day);
    expect(hourly).toHaveLength(21); // 09:00 … 14:00
    expect(Date.parse(hourly[0]!.end) - Date.parse(hourly[0]!.start)).toBe(3_600_000);
    expect((await admin.patch(`/api/services/${w.service.id}`, { active: false })).statusCode).toBe(200);
    const q = { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, from: day, to: day };
    expect((await advisor.get(`/api/availability?${new URLSearchParams(q)}`)).statusCode).toBe(404);
  });

  it('a service change leaves alone what it does not name (interpreting stays off)', async () => {
    const { w } = await world();
    const off = await admin.patch(`/api/services/${w.service.id}`, { interpretingPossible: false });
    expect(off.json().interpretingPossible).toBe(false);
    const longer = await admin.patch(`/api/services/${w.service.id}`, { durationMinutes: 45 });
    expect(longer.statusCode).toBe(200);
    expect(longer.json()).toMatchObject({ durationMinutes: 45, interpretingPossible: false });
  });

  it("the point's opening hours and its only room", async () => {
    const { w, advisor } = await world();
    const day = workingDayAhead(13);
    expect(await slotsOn(advisor, w, day)).toHaveLength(23);
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '10:00', closes: '12:00' }));
    expect((await admin.patch(`/api/service-points/${w.point.id}`, { openingHours: week })).statusCode).toBe(200);
    expect((await slotsOn(advisor, w, day)).map((s) => localTime(s.start))).toEqual(['10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
    expect((await admin.patch(`/api/rooms/${w.roomIds[0]}`, { active: false })).statusCode).toBe(200);
    expect(await slotsOn(advisor, w, day)).toHaveLength(0);
  });

  it('the agreement that delegates booking ended by the agency', async () => {
    const { w, advisor } = await world();
    const day = workingDayAhead(15);
    expect(await slotsOn(advisor, w, day)).toHaveLength(23);
    const ended = await admin.post(`/api/agreements/${w.agreement.id}/terminations`, { terminatingOrganisationId: w.agency.id, neglectingOrganisationId: w.contractor.id, reason: 'Laiminlyönti' });
    expect(ended.statusCode).toBe(201);
    expect(await slotsOn(advisor, w, day)).toHaveLength(0);
  });

  it('an expert deactivated, and one who loses the expert role', async () => {
    const w = await bookingWorld(t.ctx.db, { roomCount: 1, expertCount: 2 });
    const advisor = await signIn(t.app, w.advisor.email);
    const day = workingDayAhead(14);
    const experts = async () => new Set((await slotsOn(advisor, w, day)).map((s) => s.expertId));
    // Both free all day: the first in order (by name) takes every slot, the other shows once the first is gone.
    const shown = [...(await experts())];
    expect(shown).toHaveLength(1);
    const first = shown[0]!;
    const second = w.experts.find((e) => e.id !== first)!.id;
    expect((await admin.post(`/api/users/${first}/deactivate`)).statusCode).toBe(200);
    expect(await experts()).toEqual(new Set([second]));
    expect((await admin.put(`/api/users/${second}/roles`, { roles: [{ role: 'agency-booker', organisationId: w.agency.id }] })).statusCode).toBe(200);
    expect(await experts()).toEqual(new Set());
    expect((await admin.post(`/api/users/${first}/activate`)).statusCode).toBe(200);
    expect(await experts()).toEqual(new Set([first]));
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('availability on a second app instance after a change made on the first', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await postgresInstance(undefined, { config: { loginRatePerMinute: 1000 } });
    b = await postgresInstance(a, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Resolves once instance B has heard of the change (its caches drop what it touched on the same event). */
  const heardOnB = () => heardOn(b, CATALOGUE_CHANGED);

  it('working hours and a closure changed through A are in the next answer of B', async () => {
    const w = await bookingWorld(a.ctx.db, { roomCount: 1, expertCount: 1 });
    const admin = await adminOf(a);
    const advisorOnB = await signIn(b.app, w.advisor.email);
    const day = workingDayAhead(10);
    expect(await slotsOn(advisorOnB, w, day)).toHaveLength(23);

    let heard = heardOnB();
    const body = { weekly: [{ weekday: weekdayOf(day), starts: '08:00', ends: '10:00' }], exceptions: [] };
    expect((await admin.put(`/api/experts/${w.experts[0]!.id}/working-hours`, body)).statusCode).toBe(200);
    await heard;
    expect((await slotsOn(advisorOnB, w, day)).map((s) => localTime(s.start))).toEqual(['09:00', '09:15', '09:30']);

    const next = workingDayAhead(17, weekdayOf(day));
    expect(await slotsOn(advisorOnB, w, next)).toHaveLength(3);
    heard = heardOnB();
    expect((await admin.post(`/api/service-points/${w.point.id}/closures`, { startsOn: next, endsOn: next, reason: 'Remontti' })).statusCode).toBe(201);
    await heard;
    expect(await slotsOn(advisorOnB, w, next)).toHaveLength(0);
  });
});
