import { and, desc, eq, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { AUDIT_ACTION_GROUPS, type AuditActionGroup } from '../../../shared/audit.js';
import type { Db } from '../../db/client.js';
import { auditEvents, bookings, documentHandovers, meetings } from '../../db/schema/index.js';

export type NewAuditEvent = {
  actorType: string;
  actorId?: string;
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
  organisationId?: string;
  ip?: string;
  details?: Record<string, unknown>;
};

export type AuditRow = typeof auditEvents.$inferSelect;

export type AuditFilter = {
  from?: Date;
  to?: Date;
  action?: string;
  group?: AuditActionGroup;
  person?: string;
  organisation?: string;
  /** The ids an object search matched (see `objectIds`): the object itself and what belongs to it. */
  object?: { ids: string[]; bookingIds: string[] };
};

const prefix = sql`split_part(${auditEvents.action}, '.', 1)`;
const allPrefixes = Object.values(AUDIT_ACTION_GROUPS).flat() as string[];

function conditions(f: AuditFilter): SQL[] {
  const where: (SQL | undefined)[] = [];
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.group) {
    const prefixes = AUDIT_ACTION_GROUPS[f.group] as readonly string[];
    where.push(f.group === 'other' ? notInArray(prefix, allPrefixes) : inArray(prefix, [...prefixes]));
  }
  if (f.person) {
    where.push(
      or(
        and(eq(auditEvents.actorType, 'user'), eq(auditEvents.actorId, f.person)),
        and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, f.person)),
      ),
    );
  }
  if (f.organisation) where.push(eq(auditEvents.organisationId, f.organisation));
  if (f.object) {
    where.push(
      or(
        inArray(auditEvents.targetId, f.object.ids),
        f.object.bookingIds.length ? inArray(sql`${auditEvents.details}->>'bookingId'`, f.object.bookingIds) : undefined,
      ),
    );
  }
  return where.filter((w): w is SQL => w !== undefined);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const auditRepository = {
  async append(db: Db, event: NewAuditEvent): Promise<void> {
    await this.appendQuery(db, event);
  },

  /** The append as a statement not yet run, for a write that sends its rows in one statement (a CTE). */
  appendQuery(db: Db, event: NewAuditEvent) {
    return db.insert(auditEvents).values({ ...event, details: event.details ?? {} });
  },

  /**
   * The append as an INSERT whose values are placeholders named `audit<Field>` (auditActorType, …), for a statement
   * whose text is built once (db/prepared.ts); `appendValues` gives the values for an event.
   */
  appendTemplate() {
    const p = (name: string) => sql.placeholder(`audit${name}`);
    return sql`INSERT INTO audit_events (actor_type, actor_id, action, target_type, target_id, organisation_id, ip, details)
      VALUES (${p('ActorType')}::text, ${p('ActorId')}::text, ${p('Action')}::text, ${p('TargetType')}::text, ${p('TargetId')}::text,
        ${p('OrganisationId')}::uuid, ${p('Ip')}::text, ${p('Details')}::jsonb)`;
  },

  appendValues(event: NewAuditEvent) {
    if (event.outcome && event.outcome !== 'success') throw new Error('appendTemplate writes successful events only');
    return {
      auditActorType: event.actorType,
      auditActorId: event.actorId ?? null,
      auditAction: event.action,
      auditTargetType: event.targetType ?? null,
      auditTargetId: event.targetId ?? null,
      auditOrganisationId: event.organisationId ?? null,
      auditIp: event.ip ?? null,
      auditDetails: JSON.stringify(event.details ?? {}),
    };
  },

  async list(db: Db, f: AuditFilter & { beforeId?: number; limit: number }) {
    const where = conditions(f);
    if (f.beforeId) where.push(lt(auditEvents.id, f.beforeId));
    return db
      .select()
      .from(auditEvents)
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(f.limit);
  },

  /**
   * What an object search means: a booking reference finds the booking, its meeting and its document handovers (and
   * events naming the booking in their details); a handover's reference finds the handover; anything else is taken as
   * an object's id.
   */
  async objectIds(db: Db, object: string): Promise<{ ids: string[]; bookingIds: string[] }> {
    const reference = object.toUpperCase();
    const booked = await db.select({ id: bookings.id }).from(bookings).where(eq(sql`upper(${bookings.reference})`, reference));
    const bookingIds = booked.map((b) => b.id);
    const handovers = await db
      .select({ id: documentHandovers.id })
      .from(documentHandovers)
      .where(or(eq(sql`upper(${documentHandovers.reference})`, reference), bookingIds.length ? inArray(documentHandovers.bookingId, bookingIds) : undefined));
    const meetingRows = bookingIds.length ? await db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.bookingId, bookingIds)) : [];
    const ids = [...bookingIds, ...handovers.map((h) => h.id), ...meetingRows.map((m) => m.id)];
    if (ids.length === 0 || UUID.test(object)) ids.push(UUID.test(object) ? object.toLowerCase() : object);
    return { ids, bookingIds };
  },
};
