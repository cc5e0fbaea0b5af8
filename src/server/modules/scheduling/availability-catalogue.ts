import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { type EventBus, RESYNC_EVENT } from '../../realtime/bus.js';
import { agreementsAtPoint } from '../agreements/delegation.js';
import type { Interval } from './availability.js';
import { type ResourceKind, schedulingRepository as repo } from './repository.js';
import { hhmm, weekdayOf, zonedInstant } from './time.js';
import { readTogether } from '../../db/concurrent.js';

/**
 * Everything availability reads except busy time — service points with their opening hours and rooms, services,
 * closures, agreements, experts, interpreters, working hours — kept in memory per app instance, so a request sends one
 * busy-time query. Admin writes that change any of it publish CATALOGUE_CHANGED after they commit; every instance
 * drops its whole catalogue on that event (LISTEN/NOTIFY on PostgreSQL) and on a bus resync (events may have been
 * missed). Such writes are rare, so dropping everything beats tracking what depends on what. Entries also expire
 * after MAX_AGE_MS, which bounds staleness should a write ever bypass the use cases (a seed, a manual fix in SQL).
 */
export const CATALOGUE_CHANGED = 'catalogue.changed';
const MAX_AGE_MS = 5 * 60_000;

/** To call after committing a write to anything the catalogue holds; the scope only helps whoever reads the logs. */
export async function catalogueChanged(ctx: Pick<AppContext, 'bus'>, scope: { servicePointId?: string; agencyId?: string; id?: string } = {}) {
  await ctx.bus.publish({ type: CATALOGUE_CHANGED, ...scope });
}

/** The instant of a wall-clock time in a zone, memoised: the same few hundred (date, time) pairs recur in every request. */
const instants = new Map<string, number>();
export function instantAt(date: string, time: string, tz: string): number {
  const key = `${tz} ${date} ${time}`;
  let v = instants.get(key);
  if (v === undefined) {
    if (instants.size > 100_000) instants.clear();
    instants.set(key, (v = zonedInstant(date, hhmm(time), tz).getTime()));
  }
  return v;
}

type WeeklyRow = { resourceId: string; weekday: number; starts: string; ends: string };
type ExceptionRow = { resourceId: string; day: string; starts: string | null; ends: string | null };

/**
 * The working windows of a set of experts or interpreters as instants, per resource and date. A date's windows are
 * computed once, on the first request that needs it, and shared by later requests (read-only for computeSlots).
 */
export class WorkingCalendar {
  readonly byResource = new Map<string, Map<string, Interval[]>>();
  private readonly weekly = new Map<string, WeeklyRow[]>();
  private readonly exceptions = new Map<string, ExceptionRow[]>();
  private readonly prepared = new Set<string>();

  constructor(
    ids: string[],
    weekly: WeeklyRow[],
    exceptions: ExceptionRow[],
    private readonly tz: string,
  ) {
    for (const id of ids) this.byResource.set(id, new Map());
    for (const w of weekly) push(this.weekly, `${w.resourceId}:${w.weekday}`, w);
    for (const e of exceptions) push(this.exceptions, `${e.resourceId}:${e.day}`, e);
  }

  /** Fills in the windows of every resource on each date not prepared yet. */
  prepare(dates: string[]): this {
    for (const date of dates) {
      if (this.prepared.has(date)) continue;
      const weekday = weekdayOf(date);
      for (const [id, map] of this.byResource) {
        const ex = this.exceptions.get(`${id}:${date}`);
        // An exception replaces the weekly pattern for that day; one without times means the day off.
        const rows = ex ? ex.filter((e) => e.starts && e.ends).map((e) => ({ starts: e.starts!, ends: e.ends! })) : (this.weekly.get(`${id}:${weekday}`) ?? []);
        map.set(
          date,
          rows.map((r) => ({ start: instantAt(date, r.starts, this.tz), end: instantAt(date, r.ends, this.tz) })),
        );
      }
      this.prepared.add(date);
    }
    return this;
  }
}

/** Weekly patterns and exceptions of a set of resources, with one WorkingCalendar per time zone asked for. */
async function loadWorking(db: Db, kind: ResourceKind, ids: string[]) {
  const [weekly, exceptions] = await readTogether(db, [() => repo.workingHours(db, kind, ids), () => repo.workingExceptions(db, kind, ids)]);
  const calendars = new Map<string, WorkingCalendar>();
  return (tz: string) => {
    let calendar = calendars.get(tz);
    if (!calendar) calendars.set(tz, (calendar = new WorkingCalendar(ids, weekly, exceptions, tz)));
    return calendar;
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Entry = { value: Promise<unknown>; expires: number };

export class AvailabilityCatalogue {
  private readonly entries = new Map<string, Entry>();

  /** maxAgeMs 0: nothing is kept (reads inside a transaction). */
  constructor(
    private readonly db: Db,
    private readonly maxAgeMs: number,
  ) {}

  clear() {
    // A load still in flight is dropped with the rest: whoever awaits it asked before the change.
    this.entries.clear();
  }

  servicePoint(id: string) {
    return this.get(`point:${id}`, (db) => repo.servicePoint(db, id));
  }

  service(id: string) {
    return this.get(`service:${id}`, (db) => repo.service(db, id));
  }

  /** The agreements that name the point; whether one delegates booking is decided per date from them. */
  agreements(servicePointId: string) {
    return this.get(`agreements:${servicePointId}`, (db) => agreementsAtPoint(db, servicePointId));
  }

  /** All closures of the point (a handful a year); the caller picks the dates it needs. */
  closures(servicePointId: string) {
    return this.get(`closures:${servicePointId}`, (db) => repo.closuresOf(db, servicePointId));
  }

  /**
   * The agency's active experts with their working hours. Outside a transaction all of them (filtered by the caller),
   * so one entry serves every request for the agency; inside one only `expertId`, when given, as before.
   */
  experts(agencyId: string, expertId?: string) {
    const only = this.maxAgeMs > 0 ? undefined : expertId;
    return this.get(`experts:${agencyId}:${only ?? ''}`, async (db) => {
      const experts = await repo.experts(db, agencyId, only);
      return { experts, working: await loadWorking(db, 'expert', experts.map((e) => e.id)) };
    });
  }

  /** The active interpreters of a language with their working hours. */
  interpreters(language: string) {
    return this.get(`interpreters:${language}`, async (db) => {
      const ids = (await repo.interpreters(db, language)).map((i) => i.id);
      return { ids, working: await loadWorking(db, 'interpreter', ids) };
    });
  }

  private get<T>(key: string, load: (db: Db) => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const value = load(this.db);
    if (this.maxAgeMs > 0) {
      const entry = { value, expires: now + this.maxAgeMs };
      this.entries.set(key, entry);
      // A failed load or a missing row is not kept: the next request asks again.
      const forget = () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      };
      value.then((v) => v === undefined && forget(), forget);
    }
    return value;
  }
}

const shared = new WeakMap<EventBus, AvailabilityCatalogue>();

/**
 * The app instance's catalogue (one per event bus, which is one per instance). Inside a transaction the reads go
 * through it uncached: on PGlite a query outside the transaction would wait for the transaction to end.
 */
export function catalogueFor(ctx: AppContext): AvailabilityCatalogue {
  if (ctx.db !== ctx.database.db) return new AvailabilityCatalogue(ctx.db, 0);
  let catalogue = shared.get(ctx.bus);
  if (!catalogue) {
    const created = new AvailabilityCatalogue(ctx.database.db, MAX_AGE_MS);
    ctx.bus.subscribe((event) => {
      if (event.type === CATALOGUE_CHANGED || event.type === RESYNC_EVENT) created.clear();
    });
    shared.set(ctx.bus, (catalogue = created));
  }
  return catalogue;
}
