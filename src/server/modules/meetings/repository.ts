import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings, incidents, meetingFeedback, meetingParticipants, meetings, organisations, roleAssignments, services, terminals, users } from '../../db/schema/index.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;
export type ParticipantWithName = ParticipantRow & { userName: string | null; userOrganisationId: string | null };

/** A participant counts as online while it has a socket and showed a sign of life this recently. */
export const ONLINE_WINDOW_MS = 45_000;
/** An open meeting whose booking ended this long ago no longer claims its room's kiosk. */
export const STALE_AFTER_MS = 60 * 60_000;

/** Meetings, their participants and the unlinked feedback: the only path to those tables. */
export const meetingRepository = {
  async byId(db: Db, id: string): Promise<MeetingRow | undefined> {
    const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
    return row;
  },

  async forUpdate(db: Db, id: string): Promise<MeetingRow | undefined> {
    const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).for('update').limit(1);
    return row;
  },

  async byBooking(db: Db, bookingId: string): Promise<MeetingRow | undefined> {
    const [row] = await db.select().from(meetings).where(eq(meetings.bookingId, bookingId)).limit(1);
    return row;
  },

  async byInterpreterCode(db: Db, code: string): Promise<MeetingRow | undefined> {
    const [row] = await db.select().from(meetings).where(eq(meetings.interpreterCode, code)).limit(1);
    return row;
  },

  /** Inserts unless the booking already has a meeting (two experts pressing "open" at once get the same one). */
  async insertOrGet(db: Db, m: typeof meetings.$inferInsert): Promise<MeetingRow> {
    await db.insert(meetings).values(m).onConflictDoNothing({ target: meetings.bookingId });
    return (await this.byBooking(db, m.bookingId))!;
  },

  async update(db: Db, id: string, patch: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
    const [row] = await db.update(meetings).set(patch).where(eq(meetings.id, id)).returning();
    return row!;
  },

  async participants(db: Db, meetingId: string): Promise<ParticipantWithName[]> {
    const rows = await db
      .select({ p: meetingParticipants, userName: users.name, userOrganisationId: users.organisationId })
      .from(meetingParticipants)
      .leftJoin(users, eq(users.id, meetingParticipants.userId))
      .where(eq(meetingParticipants.meetingId, meetingId))
      .orderBy(asc(meetingParticipants.createdAt));
    return rows.map((r) => ({ ...r.p, userName: r.userName, userOrganisationId: r.userOrganisationId }));
  },

  async participant(db: Db, id: string): Promise<ParticipantRow | undefined> {
    const [row] = await db.select().from(meetingParticipants).where(eq(meetingParticipants.id, id)).limit(1);
    return row;
  },

  async participantOfUser(db: Db, meetingId: string, userId: string): Promise<ParticipantRow | undefined> {
    const [row] = await db
      .select()
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.userId, userId)))
      .limit(1);
    return row;
  },

  async participantOfTerminal(db: Db, meetingId: string, terminalId: string): Promise<ParticipantRow | undefined> {
    const [row] = await db
      .select()
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.terminalId, terminalId)))
      .limit(1);
    return row;
  },

  async participantByGuestToken(db: Db, tokenHash: string): Promise<ParticipantRow | undefined> {
    const [row] = await db.select().from(meetingParticipants).where(eq(meetingParticipants.guestTokenHash, tokenHash)).limit(1);
    return row;
  },

  /** Inserts a participant unless the same user/terminal is already one; returns the row either way. */
  async addParticipant(db: Db, p: typeof meetingParticipants.$inferInsert): Promise<ParticipantRow> {
    const [row] = await db.insert(meetingParticipants).values(p).onConflictDoNothing().returning();
    if (row) return row;
    const existing = p.userId
      ? await this.participantOfUser(db, p.meetingId, p.userId)
      : p.terminalId
        ? await this.participantOfTerminal(db, p.meetingId, p.terminalId)
        : undefined;
    if (!existing) throw new Error('participant conflict without an existing row');
    return existing;
  },

  async updateParticipant(db: Db, id: string, patch: Partial<typeof meetingParticipants.$inferInsert>): Promise<ParticipantRow> {
    const [row] = await db.update(meetingParticipants).set(patch).where(eq(meetingParticipants.id, id)).returning();
    return row!;
  },

  async admitTerminals(db: Db, meetingId: string, at: Date): Promise<void> {
    await db
      .update(meetingParticipants)
      .set({ admittedAt: at })
      .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.kind, 'terminal'), isNull(meetingParticipants.admittedAt)));
  },

  /** A socket opened (+1) or closed (-1) for a participant. */
  async connection(db: Db, participantId: string, delta: 1 | -1): Promise<void> {
    await db
      .update(meetingParticipants)
      .set({
        connections: sql`greatest(${meetingParticipants.connections} + ${delta}, 0)`,
        lastSeenAt: new Date(),
        ...(delta === 1 ? { leftAt: null } : {}),
      })
      .where(eq(meetingParticipants.id, participantId));
  },

  async seen(db: Db, participantIds: string[]): Promise<void> {
    if (participantIds.length === 0) return;
    await db.update(meetingParticipants).set({ lastSeenAt: new Date() }).where(inArray(meetingParticipants.id, participantIds));
  },

  /**
   * The meeting of a room that a kiosk should be in now: open, for a booking that has not ended more than an hour
   * ago (a meeting an expert forgot to end must not hold the kiosk for the next customer).
   */
  async openInRoom(db: Db, roomId: string, now = new Date()): Promise<MeetingRow | undefined> {
    const [row] = await db
      .select({ meeting: meetings })
      .from(meetings)
      .innerJoin(bookings, eq(bookings.id, meetings.bookingId))
      .where(and(eq(meetings.roomId, roomId), eq(meetings.status, 'open'), gt(bookings.endsAt, new Date(now.getTime() - STALE_AFTER_MS))))
      .orderBy(asc(bookings.startsAt))
      .limit(1);
    return row?.meeting;
  },

  /** The last meeting that ended in the room since `since` and whose feedback was not asked yet. */
  async endedAwaitingFeedback(db: Db, roomId: string, since: Date): Promise<MeetingRow | undefined> {
    const [row] = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.roomId, roomId), eq(meetings.status, 'ended'), eq(meetings.feedbackGiven, false), gt(meetings.endedAt, since), isNotNull(meetings.admittedAt)))
      .orderBy(sql`${meetings.endedAt} desc`)
      .limit(1);
    return row;
  },

  async insertFeedback(db: Db, f: typeof meetingFeedback.$inferInsert): Promise<void> {
    await db.insert(meetingFeedback).values(f);
  },

  /** Meetings an expert may see on a day: the agencies' bookings [from, to) plus meetings the expert was invited to. */
  async listForExpert(db: Db, q: { agencyIds: string[]; userId: string; from: Date; to: Date }) {
    const invitedMeetingIds = db
      .select({ id: meetingParticipants.meetingId })
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.userId, q.userId), eq(meetingParticipants.kind, 'guest-expert')));
    const customer = db.$with('customer').as(
      db
        .select({ meetingId: meetingParticipants.meetingId, lastSeenAt: sql<Date | null>`max(${meetingParticipants.lastSeenAt})`.as('last_seen'), connections: sql<number>`max(${meetingParticipants.connections})`.as('connections') })
        .from(meetingParticipants)
        .where(eq(meetingParticipants.kind, 'terminal'))
        .groupBy(meetingParticipants.meetingId),
    );
    return db
      .with(customer)
      .select({
        booking: bookings,
        meeting: meetings,
        service: services.name,
        agency: organisations.name,
        customerLastSeen: customer.lastSeenAt,
        customerConnections: customer.connections,
      })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .innerJoin(organisations, eq(organisations.id, bookings.agencyId))
      .leftJoin(meetings, eq(meetings.bookingId, bookings.id))
      .leftJoin(customer, eq(customer.meetingId, meetings.id))
      .where(
        and(
          gt(bookings.endsAt, q.from),
          lt(bookings.startsAt, q.to),
          inArray(bookings.status, ['booked', 'checked-in', 'in-meeting', 'completed']),
          or(q.agencyIds.length ? inArray(bookings.agencyId, q.agencyIds) : sql`false`, inArray(meetings.id, invitedMeetingIds)),
        ),
      )
      .orderBy(asc(bookings.startsAt))
      .limit(500);
  },

  /** Booking facts a meeting shows: service and agency names. */
  async bookingFacts(db: Db, bookingId: string) {
    const [row] = await db
      .select({ booking: bookings, service: services.name, agency: organisations.name })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .innerJoin(organisations, eq(organisations.id, bookings.agencyId))
      .where(eq(bookings.id, bookingId))
      .limit(1);
    return row;
  },

  /** The booking a kiosk serves now: checked in or in a meeting, in its room, around now. */
  async currentBookingInRoom(db: Db, roomId: string, now: Date) {
    const [row] = await db
      .select({ booking: bookings, service: services.name, agency: organisations.name })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .innerJoin(organisations, eq(organisations.id, bookings.agencyId))
      .where(
        and(
          eq(bookings.roomId, roomId),
          inArray(bookings.status, ['checked-in', 'in-meeting']),
          lt(bookings.startsAt, new Date(now.getTime() + 60 * 60_000)),
          gt(bookings.endsAt, new Date(now.getTime() - 60 * 60_000)),
        ),
      )
      .orderBy(asc(bookings.startsAt))
      .limit(1);
    return row;
  },

  /** Interpreters' guest tokens of the meeting stop working (a new link was made). */
  async revokeGuests(db: Db, meetingId: string): Promise<void> {
    await db
      .update(meetingParticipants)
      .set({ guestTokenHash: null })
      .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.kind, 'interpreter')));
  },

  async interpreterOf(db: Db, meetingId: string): Promise<ParticipantRow | undefined> {
    const [row] = await db
      .select()
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.kind, 'interpreter')))
      .limit(1);
    return row;
  },

  /** Counts a wrong PIN; returns the failures so far. */
  async pinFailed(db: Db, meetingId: string): Promise<number> {
    const [row] = await db
      .update(meetings)
      .set({ interpreterPinFailures: sql`${meetings.interpreterPinFailures} + 1` })
      .where(eq(meetings.id, meetingId))
      .returning({ failures: meetings.interpreterPinFailures });
    return row?.failures ?? 0;
  },

  async leaveAll(db: Db, meetingId: string, at: Date): Promise<void> {
    await db.update(meetingParticipants).set({ leftAt: at }).where(and(eq(meetingParticipants.meetingId, meetingId), isNull(meetingParticipants.leftAt)));
  },

  async incident(db: Db, id: string) {
    const [row] = await db.select({ id: incidents.id, bookingId: incidents.bookingId, roomId: incidents.roomId }).from(incidents).where(eq(incidents.id, id)).limit(1);
    return row;
  },

  async terminalName(db: Db, terminalId: string): Promise<string | undefined> {
    const [row] = await db.select({ name: terminals.name }).from(terminals).where(eq(terminals.id, terminalId)).limit(1);
    return row?.name;
  },

  /** Of the given users, those who hold an expert role (and in which organisation). */
  async expertsOf(db: Db, userIds: string[]) {
    if (userIds.length === 0) return [];
    return db
      .selectDistinct({ userId: roleAssignments.userId, organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .where(and(inArray(roleAssignments.userId, userIds), eq(roleAssignments.role, 'expert')));
  },

  /** Active experts of other agencies than the meeting's, for the invitation list. */
  async invitableExperts(db: Db, exceptAgencyId: string) {
    return db
      .selectDistinct({ id: users.id, name: users.name, agencyId: roleAssignments.organisationId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'expert'), eq(users.active, true), sql`${roleAssignments.organisationId} <> ${exceptAgencyId}`))
      .orderBy(asc(users.name))
      .limit(500);
  },

  async user(db: Db, userId: string) {
    const [row] = await db.select({ id: users.id, name: users.name, organisationId: users.organisationId, active: users.active }).from(users).where(eq(users.id, userId)).limit(1);
    return row;
  },
};
