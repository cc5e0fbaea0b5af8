import type { AppContext } from '../../context.js';
import { type EventBus, RESYNC_EVENT } from '../../realtime/bus.js';
import { CATALOGUE_CHANGED } from './availability-catalogue.js';
import type { Slot } from './availability.js';
import { BOOKING_CHANGED } from './busy-cache.js';

/**
 * Whole availability answers kept per app instance: the slots of one (point, agency, service, dates, language,
 * expert), computed without the notice and horizon limits, which the caller applies for its own `now` (a start's
 * room and expert do not depend on other starts, so filtering afterwards gives the same answer). For a large agency
 * this saves what is left after the busy cache: preparing hundreds of experts' days and ranking them (bench/availability.ts).
 *
 * Dropped as a whole on everything an answer depends on: `booking.changed` (busy time), `catalogue.changed` (hours,
 * experts, closures, agreements…) and a bus resync, with the same rules as the busy cache (busy-cache.ts): a load
 * that started before a drop is not kept, nothing is kept while a PostgreSQL bus is not listening, entries expire
 * after MAX_AGE_MS. The exclusion constraints remain the guarantee; an answer is at most momentarily stale.
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 2_000;

export type Answer = { slots: Slot[]; timeZone: string };
type Entry = { answer: Answer; expires: number };

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  readonly stats = { loads: 0, hits: 0 };

  constructor(
    private readonly live: () => boolean = () => true,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  clear() {
    this.generation++;
    this.entries.clear();
  }

  async get(key: string, load: () => Promise<Answer>): Promise<Answer> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now() && this.live()) {
      this.stats.hits++;
      return hit.answer;
    }
    this.stats.loads++;
    const generation = this.generation;
    const answer = await load();
    if (generation === this.generation && this.live()) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { answer, expires: Date.now() + this.maxAgeMs });
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
      if (event.type === BOOKING_CHANGED || event.type === CATALOGUE_CHANGED || event.type === RESYNC_EVENT) created.clear();
    });
    shared.set(ctx.bus, (cache = created));
  }
  return cache;
}
