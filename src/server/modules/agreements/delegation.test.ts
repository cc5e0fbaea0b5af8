import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementBody, agreementWorld, helsinkiToday } from '../../../../test/helpers/agreements.js';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { helsinkiClock } from '../../../../test/helpers/clock.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { addDays, zonedInstant } from '../scheduling/time.js';
import { type AgreementRecord, stateOf, tasksOn } from './terms.js';

const at = (day: string, time = '10:00') => zonedInstant(day, time, 'Europe/Helsinki').toISOString();
/** The next working day after `day` (Mon–Fri, not a holiday): what "the day after" means for a booking. */
const nextWorkingDay = (day: string) => workingDayAhead(1, undefined, day);

describe('what an agreement delegates on a day (pure)', () => {
  const version = { version: 1, effectiveFrom: '2025-09-01', description: null, title: 'Pilotti', contractorId: 'c', servicePointIds: ['p'], payerId: 'vm', signedOn: '2025-08-28', validFrom: '2025-09-01', validUntil: '2026-02-27', hourlyRateCents: 0, caps: { communicationMaterialsCents: 0, premisesRentCents: 0, premisesWorksCents: 0 }, createdAt: new Date(), createdBy: null };
  const pilot: AgreementRecord = {
    id: 'a',
    contractorId: 'c',
    createdAt: new Date(),
    updatedAt: new Date(),
    versions: [{ ...version, principals: [{ organisationId: 'kela', tasks: ['booking'] }, { organisationId: 'vero', tasks: ['booking'] }] }],
    // Recorded at 00:30 in Helsinki on 1 February (22:30 UTC the day before): Kela takes no part from 1 February on.
    terminations: [{ id: 't', terminatingOrganisationId: 'kela', neglectingOrganisationId: 'c', endedOrganisationId: 'kela', reason: 'x', endedAt: new Date('2026-01-31T22:30:00Z'), recordedBy: null }],
  };
  it('is valid through its last day inclusive, not before its first, and a termination counts in Helsinki days', () => {
    expect(tasksOn(pilot, 'p', 'vero', '2025-08-31')).toEqual([]);
    expect(tasksOn(pilot, 'p', 'vero', '2025-09-01')).toEqual(['booking']);
    expect(tasksOn(pilot, 'p', 'vero', '2026-02-27')).toEqual(['booking']);
    expect(tasksOn(pilot, 'p', 'vero', '2026-02-28')).toEqual([]);
    expect(tasksOn(pilot, 'p', 'kela', '2026-01-31')).toEqual(['booking']);
    expect(tasksOn(pilot, 'p', 'kela', '2026-02-01')).toEqual([]);
    expect(tasksOn(pilot, 'other-point', 'vero', '2025-10-01')).toEqual([]);
    expect(stateOf(pilot, '2026-01-01')).toBe('in-force');
    expect(stateOf(pilot, '2026-02-28')).toBe('ended');
    expect(stateOf({ ...pilot, versions: [{ ...pilot.versions[0]!, signedOn: null }] }, '2026-01-01')).toBe('draft');
  });
});

describe.each(testDatabaseKinds)('agreements decide what the point may do, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 }, now: helsinkiClock() });
  });
  afterAll(() => t.close());

  const booking = (w: Awaited<ReturnType<typeof agreementWorld>>, agencyId: string, serviceId: string, start: string) => ({
    servicePointId: w.point.id,
    agencyId,
    serviceId,
    start,
    customer: { name: 'Maija Meikäläinen', phone: '040 123 4567' },
    language: 'fi',
    channel: 'on-site',
  });

  it('books, lists availability and moves only within the agreement: its last valid day yes, the day after no', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const advisor = await signIn(t.app, w.advisor.email);
    const lastDay = workingDayAhead(7);
    const dayAfter = nextWorkingDay(lastDay);
    // Nothing agreed yet: nothing to book, no time offered.
    const none = await advisor.post('/api/bookings', booking(w, w.a.id, w.serviceA.id, at(lastDay)));
    expect([none.statusCode, none.json().code]).toEqual([422, 'agreement.task_not_delegated']);
    const empty = await advisor.get(`/api/availability?servicePointId=${w.point.id}&agencyId=${w.a.id}&serviceId=${w.serviceA.id}&from=${lastDay}&to=${lastDay}`);
    expect([empty.statusCode, empty.json().slots]).toEqual([200, []]);

    const recorded = await admin.post('/api/agreements', agreementBody(w, { validUntil: lastDay, principals: [{ organisationId: w.a.id, tasks: ['booking'] }, { organisationId: w.b.id, tasks: ['document-reception'] }] }));
    expect(recorded.statusCode, recorded.body).toBe(201);
    const slots = (await advisor.get(`/api/availability?servicePointId=${w.point.id}&agencyId=${w.a.id}&serviceId=${w.serviceA.id}&from=${lastDay}&to=${addDays(dayAfter, 7)}`)).json().slots as { start: string }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.start < at(dayAfter, '00:00'))).toBe(true);

    const ok = await advisor.post('/api/bookings', booking(w, w.a.id, w.serviceA.id, at(lastDay, '14:30')));
    expect(ok.statusCode).toBe(201);
    const refused = await advisor.post('/api/bookings', booking(w, w.a.id, w.serviceA.id, at(dayAfter, '09:00')));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'agreement.task_not_delegated', params: { agencyId: w.a.id, task: 'booking', date: dayAfter } });
    const moved = await advisor.patch(`/api/bookings/${ok.json().id}`, { start: at(dayAfter, '10:00') });
    expect(moved.json().code).toBe('agreement.task_not_delegated');
    // B delegates document reception but not booking.
    expect((await advisor.post('/api/bookings', booking(w, w.b.id, w.serviceB.id, at(lastDay)))).json().code).toBe('agreement.task_not_delegated');
  });

  it('walk-ins and handovers need the task today; a termination between two leaves the third untouched and lists what to re-arrange', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const advisor = await signIn(t.app, w.advisor.email);
    const id = (await admin.post('/api/agreements', agreementBody(w, { principals: [{ organisationId: w.a.id, tasks: ['booking', 'document-reception'] }, { organisationId: w.b.id, tasks: ['booking'] }] }))).json().id;
    const handover = (agencyId: string) => advisor.post('/api/documents', { walkIn: { servicePointId: w.point.id, agencyId, customerName: 'Maija Meikäläinen' }, kind: 'other' });
    expect((await handover(w.a.id)).statusCode).toBe(201);
    const noDocs = await handover(w.b.id);
    expect([noDocs.statusCode, noDocs.json().params?.task, noDocs.json().params?.date]).toEqual([422, 'document-reception', helsinkiToday()]);
    const walkIn = (agencyId: string, serviceId: string) => advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId, serviceId, customerName: 'Matti', language: 'fi' });
    expect((await walkIn(w.b.id, w.serviceB.id)).statusCode).toBe(201);

    const day = workingDayAhead(7);
    const bookingA = (await advisor.post('/api/bookings', booking(w, w.a.id, w.serviceA.id, at(day, '10:00')))).json();
    const bookingB = (await advisor.post('/api/bookings', booking(w, w.b.id, w.serviceB.id, at(day, '11:00')))).json();
    const terminated = await admin.post(`/api/agreements/${id}/terminations`, { terminatingOrganisationId: w.contractor.id, neglectingOrganisationId: w.a.id, reason: 'Toistuva laiminlyönti' });
    expect(terminated.json().state).toBe('in-force');

    expect((await handover(w.a.id)).json().code).toBe('agreement.task_not_delegated');
    expect((await walkIn(w.a.id, w.serviceA.id)).json().code).toBe('agreement.task_not_delegated');
    expect((await advisor.post('/api/bookings', booking(w, w.a.id, w.serviceA.id, at(day, '13:00')))).statusCode).toBe(422);
    expect((await walkIn(w.b.id, w.serviceB.id)).statusCode).toBe(201);
    expect((await advisor.post('/api/bookings', booking(w, w.b.id, w.serviceB.id, at(day, '13:00')))).statusCode).toBe(201);

    // A's booking stays (not cancelled silently) and is listed for the advisors and for A, not for B.
    expect((await advisor.get(`/api/bookings/${bookingA.id}`)).json().status).toBe('booked');
    const forDesk = (await advisor.get(`/api/bookings-to-rearrange?servicePointId=${w.point.id}`)).json().bookings.map((b: { id: string }) => b.id);
    expect(forDesk).toEqual([bookingA.id]);
    const expertA = await signIn(t.app, w.expertA.email);
    expect((await expertA.get(`/api/bookings-to-rearrange?agencyId=${w.a.id}`)).json().bookings.map((b: { reference: string }) => b.reference)).toEqual([bookingA.reference]);
    const expertB = await signIn(t.app, w.expertB.email);
    expect((await expertB.get(`/api/bookings-to-rearrange?servicePointId=${w.point.id}`)).json().bookings).toEqual([]);
    expect(forDesk).not.toContain(bookingB.id);
  });
});
