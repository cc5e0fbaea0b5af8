import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { CUSTOMER_CANCELLED } from '../../src/server/modules/public-booking/change-managed-booking.js';
import {
  bookingEvents,
  bookings,
  calls,
  documentHandovers,
  identityChecks,
  incidents,
  meetingFeedback,
  meetings,
  services,
  timeEntries,
  walkIns,
} from '../../src/server/db/schema/index.js';
import { createOrganisation, createServicePoint, createUser } from './factories.js';

/**
 * A hand-built statistics world, written straight into the tables (the period lies in the past, where no booking can be
 * made through the API). Period 20.10.–2.11.2025: Helsinki summer time ends on Sunday 26.10 at 04:00, so the first
 * week is a DST week; bookings at 00:30 and 23:30 Helsinki time fall on other UTC days and weeks than their own.
 *
 * Agency A at point P1, service SA, 10 bookings in the period:
 *   #1 Mon 20.10 00:30 EEST (19.10 21:30Z) completed on-site fi          week 20.10
 *   #2 Tue 21.10 10:00 completed agency-phone sv, interpreting fse       week 20.10
 *   #3 Wed 22.10 10:00 cancelled by A's expert                           week 20.10
 *   #4 Thu 23.10 10:00 no-show                                           week 20.10
 *   #5 Sun 26.10 23:30 EET (21:30Z) completed service-point-phone walk-in week 20.10
 *   #6 Mon 27.10 00:30 EET (26.10 22:30Z) completed                      week 27.10
 *   #7 Tue 28.10 10:00 cancelled by the advisor                          week 27.10
 *   #8–#10 Wed–Fri 29.–31.10 10:00 completed                             week 27.10
 *   outside: 19.10 23:30 (before) and 3.11 00:30 (after, 2.11 22:30Z).
 * Meetings of #1, #2, #5, #6, #8–#10 (7): checked in 5 min before the start, admitted 0…6 min after it (waits 5…11,
 * median 8, p90 10.4), 20 minutes each; outcomes 5 completed, 1 customer left, 1 technical failure.
 * Identity checks: 5 verified, 1 not. Handovers: 2 sent (3 + 4 pages), 1 draft. Agency B at P1: 2 completed bookings and
 * one online booking the customer cancelled.
 * Agency A at P2: 1 completed booking. P1: 6 calls acknowledged after 10…60 s (median 35, p90 55), 1 escalated;
 * incidents: video (A) and network (no agency). Feedback A at P1: 5, 5, 4, 3, 5, 1. Time: 90 min booking (A), 30 training.
 */
export async function statisticsWorld(db: Db) {
  const contractor = await createOrganisation(db, 'contractor');
  const ministry = await createOrganisation(db, 'ministry');
  const agencyA = await createOrganisation(db, 'principal');
  const agencyB = await createOrganisation(db, 'principal');
  const p1 = await createServicePoint(db, contractor.id);
  const p2 = await createServicePoint(db, contractor.id);
  const [serviceA] = await db.insert(services).values({ agencyId: agencyA.id, name: { fi: 'Palvelu A', sv: 'Tjänst A', en: 'Service A' }, durationMinutes: 30, languages: ['fi', 'sv'] }).returning();
  const [serviceB] = await db.insert(services).values({ agencyId: agencyB.id, name: { fi: 'Palvelu B', sv: 'Tjänst B', en: 'Service B' }, durationMinutes: 30, languages: ['fi'] }).returning();
  const expertA = await createUser(db, { organisationId: agencyA.id, role: 'expert' });
  const expertA2 = await createUser(db, { organisationId: agencyA.id, role: 'expert' });
  const expertB = await createUser(db, { organisationId: agencyB.id, role: 'expert' });
  const adminA = await createUser(db, { organisationId: agencyA.id, role: 'agency-admin' });
  const advisor = await createUser(db, { organisationId: contractor.id, role: 'advisor', servicePointId: p1.point.id });
  const managerP2 = await createUser(db, { organisationId: contractor.id, role: 'point-manager', servicePointId: p2.point.id });
  const coordinator = await createUser(db, { organisationId: ministry.id, role: 'coordinator' });
  const auditor = await createUser(db, { organisationId: ministry.id, role: 'auditor' });

  let n = 0;
  const book = async (at: string, o: { status?: 'completed' | 'cancelled' | 'no-show'; channel?: 'on-site' | 'agency-phone' | 'service-point-phone' | 'online'; language?: string; interpreting?: string; walkIn?: boolean; agency?: 'A' | 'B'; point?: typeof p1; expert?: string } = {}) => {
    const start = new Date(at);
    const agencyB_ = o.agency === 'B';
    const point = o.point ?? p1;
    n += 1;
    const [row] = await db
      .insert(bookings)
      .values({
        reference: `ST${String(n).padStart(4, '0')}${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
        servicePointId: point.point.id,
        roomId: point.room.id,
        agencyId: agencyB_ ? agencyB.id : agencyA.id,
        serviceId: agencyB_ ? serviceB!.id : serviceA!.id,
        expertId: o.expert ?? (agencyB_ ? expertB.id : expertA.id),
        startsAt: start,
        endsAt: new Date(start.getTime() + 30 * 60_000),
        status: o.status ?? 'completed',
        channel: o.channel ?? 'on-site',
        walkIn: o.walkIn ?? false,
        customerName: 'Asiakas',
        language: o.language ?? 'fi',
        interpretingLanguage: o.interpreting ?? null,
      })
      .returning();
    return row!;
  };
  const b1 = await book('2025-10-19T21:30:00Z');
  const b2 = await book('2025-10-21T07:00:00Z', { channel: 'agency-phone', language: 'sv', interpreting: 'fse' });
  const b3 = await book('2025-10-22T07:00:00Z', { status: 'cancelled' });
  await book('2025-10-23T07:00:00Z', { status: 'no-show' });
  const b5 = await book('2025-10-26T21:30:00Z', { channel: 'service-point-phone', walkIn: true });
  const b6 = await book('2025-10-26T22:30:00Z');
  const b7 = await book('2025-10-28T08:00:00Z', { status: 'cancelled' });
  const extra = [await book('2025-10-29T08:00:00Z'), await book('2025-10-30T08:00:00Z'), await book('2025-10-31T08:00:00Z')];
  await book('2025-10-19T20:30:00Z');
  await book('2025-11-02T22:30:00Z');
  await book('2025-10-21T08:00:00Z', { agency: 'B' });
  await book('2025-10-22T08:00:00Z', { agency: 'B' });
  const online = await book('2025-10-23T08:00:00Z', { agency: 'B', status: 'cancelled', channel: 'online' });
  await db.update(bookings).set({ cancelReason: CUSTOMER_CANCELLED }).where(eq(bookings.id, online.id));
  await book('2025-10-21T07:00:00Z', { point: p2, expert: expertA2.id });

  await db.insert(bookingEvents).values([
    { bookingId: b3.id, actorId: expertA.id, kind: 'status', fromStatus: 'booked', toStatus: 'cancelled' },
    { bookingId: b7.id, actorId: advisor.id, kind: 'status', fromStatus: 'booked', toStatus: 'cancelled' },
    { bookingId: online.id, actorId: null, kind: 'status', fromStatus: 'booked', toStatus: 'cancelled' },
  ]);
  const met = [b1, b2, b5, b6, ...extra];
  const outcomes = ['completed', 'completed', 'completed', 'completed', 'completed', 'customer-left', 'technical-failure'] as const;
  for (const [i, b] of met.entries()) {
    const minute = (m: number) => new Date(b.startsAt.getTime() + m * 60_000);
    await db.insert(bookingEvents).values({ bookingId: b.id, actorId: advisor.id, kind: 'status', fromStatus: 'booked', toStatus: 'checked-in', at: minute(-5) });
    await db.insert(meetings).values({
      bookingId: b.id,
      agencyId: agencyA.id,
      servicePointId: p1.point.id,
      roomId: p1.room.id,
      status: 'ended',
      openedBy: expertA.id,
      openedAt: minute(-1),
      admittedAt: minute(i),
      endedAt: minute(i + 20),
      outcome: outcomes[i]!,
    });
  }
  for (const [i, b] of met.slice(0, 6).entries()) {
    await db.insert(identityChecks).values({
      bookingId: b.id,
      servicePointId: p1.point.id,
      roomId: p1.room.id,
      agencyId: agencyA.id,
      requestedBy: expertA.id,
      requestedAt: b.startsAt,
      status: 'completed',
      completedBy: advisor.id,
      completedAt: new Date(b.startsAt.getTime() + 60_000),
      verified: i < 5,
      documentType: i < 5 ? 'passport' : null,
      photoMatched: i < 5 ? true : null,
    });
  }
  const handover = (pages: number, status: 'sent' | 'draft', at: string) => ({
    reference: `H${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
    agencyId: agencyA.id,
    servicePointId: p1.point.id,
    kind: 'application' as const,
    status,
    customerName: 'Asiakas',
    pageCount: pages,
    createdAt: new Date(at),
    sentAt: status === 'sent' ? new Date(at) : null,
    purgeAt: new Date('2026-01-01T00:00:00Z'),
  });
  await db.insert(documentHandovers).values([handover(3, 'sent', '2025-10-21T08:00:00Z'), handover(4, 'sent', '2025-10-28T09:00:00Z'), handover(9, 'draft', '2025-10-29T09:00:00Z')]);
  await db.insert(incidents).values([
    { servicePointId: p1.point.id, roomId: p1.room.id, agencyId: agencyA.id, category: 'video', reportedBy: advisor.id, reportedAt: new Date('2025-10-21T09:00:00Z') },
    { servicePointId: p1.point.id, roomId: p1.room.id, category: 'network', reportedBy: advisor.id, reportedAt: new Date('2025-10-22T09:00:00Z') },
  ]);
  for (let i = 1; i <= 6; i++) {
    const at = new Date(`2025-10-2${i}T10:00:00Z`);
    await db.insert(calls).values({
      roomId: p1.room.id,
      servicePointId: p1.point.id,
      source: 'button',
      status: 'closed',
      createdAt: at,
      acknowledgedAt: new Date(at.getTime() + i * 10_000),
      acknowledgedBy: advisor.id,
      closedAt: new Date(at.getTime() + 120_000),
      escalatedAt: i === 6 ? new Date(at.getTime() + 50_000) : null,
    });
  }
  await db.insert(meetingFeedback).values([5, 5, 4, 3, 5, 1].map((score) => ({ agencyId: agencyA.id, servicePointId: p1.point.id, givenOn: '2025-10-21', score })));
  await db.insert(timeEntries).values([
    { userId: advisor.id, servicePointId: p1.point.id, date: '2025-10-21', minutes: 90, task: 'booking', agencyId: agencyA.id },
    { userId: advisor.id, servicePointId: p1.point.id, date: '2025-10-22', minutes: 30, task: 'training' },
  ]);
  // The walk-in queue: 5 of A's customers left it on 22.10 (and one was taken), 1 of B's.
  const queued = (agency: typeof agencyA, service: string, status: string) => ({
    servicePointId: p1.point.id,
    agencyId: agency.id,
    serviceId: service,
    customerName: 'Asiakas',
    language: 'fi',
    status,
    createdAt: new Date('2025-10-22T09:00:00Z'),
  });
  await db.insert(walkIns).values([...Array.from({ length: 5 }, () => queued(agencyA, serviceA!.id, 'cancelled')), queued(agencyA, serviceA!.id, 'taken'), queued(agencyB, serviceB!.id, 'cancelled')]);
  return { agencyA, agencyB, p1, p2, serviceA: serviceA!, users: { expertA, expertB, adminA, advisor, managerP2, coordinator, auditor } };
}
export type StatisticsWorld = Awaited<ReturnType<typeof statisticsWorld>>;
export const PERIOD = 'from=2025-10-20&to=2025-11-02';
