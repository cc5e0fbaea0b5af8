import type { AppContext } from '../../context.js';
import { type EventBus, RESYNC_EVENT } from '../../realtime/bus.js';
import { CATALOGUE_CHANGED } from './availability-catalogue.js';
import type { Slot } from './availability.js';
import { type BusyTouch, Invalidations, busyTouches } from './busy-change.js';
import { BOOKING_CHANGED } from './busy-cache.js';

/**
 * Whole availability answers kept per app instance: the slots of one (point, agency, service, dates, language,
 * expert), computed without the notice and horizon limits, which the caller applies for its own `now` (a start's
 * room and expert do not depend on other starts, so filtering afterwards gives the same answer). For a large agency
 * this saves what is left after the busy cache: preparing hundreds of experts' days and ranking them (bench/availability.ts).
 *
 * Each answer remembers what it read busy time of: its holders (the point's rooms, the experts, the interpreters)
 * and its range. A `booking.changed` that names its holders and span (busy-change.ts) drops only the answers that
 * read one of those holders over an overlapping range; one that names nothing drops every answer, as do
 * `catalogue.changed` (hours, experts, closures, agreements…: rare admin writes) and a bus resync. The same rules as
 * the busy cache (busy-cache.ts) otherwise: a load that started before an invalidation that concerns it is not kept,
 * nothing is kept while a PostgreSQL bus is not listening, entries expire after MAX_AGE_MS. The exclusion
 * constraints remain the guarantee; an answer is at most momentarily stale.
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 2_000;

export type Answer = { slots: Slot[]; timeZone: string };
/** What an answer read busy time of: holder ids, over [from, to) in epoch milliseconds. */
export type AnswerDeps = { holders: ReadonlySet<string>; from: number; to: number };
type Entry = { answer: Answer; deps: AnswerDeps; expires: number };

const concerns = (deps: AnswerDeps, t: BusyTouch) => t.from < deps.to && deps.from < t.to && t.holders.some((h) => deps.holders.has(h));

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly invalidations = new Invalidations();
  readonly stats = { loads: 0, hits: 0, dropped: 0, cleared: 0 };

  constructor(
    private readonly live: () => boolean = () => true,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  clear() {
    this.invalidations.record('all');
    this.entries.clear();
    this.stats.cleared++;
  }

  /** Drops the answers that read a touched holder over a touched span. */
  invalidate(touches: BusyTouch[]) {
    this.invalidations.record(touches);
    for (const [key, entry] of this.entries) {
      if (touches.some((t) => concerns(entry.deps, t))) {
        this.entries.delete(key);
        this.stats.dropped++;
      }
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  async get(key: string, load: () => Promise<{ answer: Answer; deps: AnswerDeps }>): Promise<Answer> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now() && this.live()) {
      this.stats.hits++;
      return hit.answer;
    }
    this.stats.loads++;
    const since = this.invalidations.current;
    const { answer, deps } = await load();
    const changed = this.invalidations.since(since);
    if (changed !== 'all' && !changed.some((t) => concerns(deps, t)) && this.live()) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { answer, deps, expires: Date.now() + this.maxAgeMs });
    }
    return answer;
  }
}

const shared = new WeakMap<EventBus, AnswerCache>();

/** The app instance's answer cache; undefined inside a transaction (reads there must see its own writes). */
export function answerCacheFor(ctx: AppContext): AnswerCache | undefined {
  if (ctx.db !== ctx.database.db) return undefined;
  let cache = shared.get(ctx.bus);
  if (!cache) {
    const bus = ctx.bus as EventBus & { listening?: boolean };
    const created = new AnswerCache(() => bus.listening !== false);
    ctx.bus.subscribe((event) => {
      if (event.type === CATALOGUE_CHANGED || event.type === RESYNC_EVENT) created.clear();
      else if (event.type === BOOKING_CHANGED) {
        const touches = busyTouches(event);
        if (touches) created.invalidate(touches);
        else created.clear();
      }
    });
    shared.set(ctx.bus, (cache = created));
  }
  return cache;
}
