import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { type EventBus, RESYNC_EVENT } from '../../realtime/bus.js';
import type { Interval } from './availability.js';
import { schedulingRepository as repo } from './repository.js';

/**
 * Busy time of rooms, experts and interpreters kept in memory per app instance, in blocks of BLOCK_MS per holder, so
 * a steady availability request sends no statement at all. Correctness:
 * - The exclusion constraints on `bookings` stay the guarantee against double-booking; this only answers "which
 *   times look free", which may be momentarily stale, never for long.
 * - Every booking write publishes `booking.changed` after its commit; the bus hands it to this instance's
 *   subscribers synchronously before the write's request answers (so a client that booked and then asks this
 *   instance again sees its booking), and PostgreSQL's NOTIFY carries it to the other instances. On it, and on a
 *   bus resync (events may have been missed), the whole cache is dropped. Precise invalidation would need the
 *   event to name the holders (old and new); dropping everything keeps it obviously right, and a refill is one
 *   statement, what every request cost before.
 * - A fill whose statement started before a drop is used for its own request but not kept (generation check):
 *   its snapshot may predate the change that caused the drop.
 * - While a PostgreSQL bus is not listening (its LISTEN connection is being re-established) nothing is cached or
 *   served from the cache: events from other instances would be lost.
 * - Blocks also expire after MAX_AGE_MS, which bounds staleness should a write ever bypass the use cases (a seed,
 *   a manual fix in SQL).
 */
export const BLOCK_MS = 7 * 86_400_000;
const MAX_AGE_MS = 60_000;
/** Blocks kept at most (holder × week); past it the cache starts over rather than tracking use. */
const MAX_BLOCKS = 100_000;
export const BOOKING_CHANGED = 'booking.changed';

type Block = { spans: Interval[]; expires: number };
export type BusyQuery = { roomIds: string[]; expertIds: string[]; interpreterIds: string[]; from: Date; to: Date };

export class BusyCache {
  private readonly blocks = new Map<string, Block>();
  private generation = 0;
  /** Fills and hits since start (for tests and the bench). */
  readonly stats = { fills: 0, hits: 0 };

  constructor(
    private readonly db: Db,
    private readonly live: () => boolean = () => true,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  clear() {
    this.generation++;
    this.blocks.clear();
  }

  /** Per holder, its busy intervals overlapping [from, to) (and possibly a little around it), in order of start. */
  async busy(q: BusyQuery): Promise<Map<string, Interval[]>> {
    const first = Math.floor(q.from.getTime() / BLOCK_MS);
    const last = Math.floor((q.to.getTime() - 1) / BLOCK_MS);
    const out = new Map<string, Interval[]>();
    if (!this.live()) {
      this.clear();
      for (const row of await repo.busy(this.db, q)) out.set(row.holderId, row.busy);
      return out;
    }
    const now = Date.now();
    const missing = { roomIds: [] as string[], expertIds: [] as string[], interpreterIds: [] as string[] };
    for (const kind of ['roomIds', 'expertIds', 'interpreterIds'] as const) {
      for (const id of q[kind]) {
        const spans = this.assemble(id, first, last, now);
        if (spans) out.set(id, spans);
        else missing[kind].push(id);
      }
    }
    if (missing.roomIds.length + missing.expertIds.length + missing.interpreterIds.length === 0) {
      this.stats.hits++;
      return out;
    }
    this.stats.fills++;
    const generation = this.generation;
    const from = first * BLOCK_MS;
    const to = (last + 1) * BLOCK_MS;
    const rows = await repo.busy(this.db, { ...missing, from: new Date(from), to: new Date(to) });
    const keep = generation === this.generation && this.live();
    if (keep && this.blocks.size > MAX_BLOCKS) this.blocks.clear();
    const byHolder = new Map(rows.map((r) => [r.holderId, r.busy]));
    const expires = Date.now() + this.maxAgeMs;
    for (const id of [...missing.roomIds, ...missing.expertIds, ...missing.interpreterIds]) {
      const spans = byHolder.get(id) ?? [];
      out.set(id, spans);
      if (keep) this.store(id, spans, first, last, expires);
    }
    return out;
  }

  /** The holder's intervals from its blocks first…last, or undefined when one of them is missing or expired. */
  private assemble(id: string, first: number, last: number, now: number): Interval[] | undefined {
    const head = this.blocks.get(`${id}:${first}`);
    if (!head || head.expires <= now) return undefined;
    if (first === last) return head.spans;
    const spans = [...head.spans];
    for (let b = first + 1; b <= last; b++) {
      const block = this.blocks.get(`${id}:${b}`);
      if (!block || block.expires <= now) return undefined;
      // An interval reaching into this block from an earlier one is already in.
      const start = b * BLOCK_MS;
      for (const s of block.spans) if (s.start >= start) spans.push(s);
    }
    return spans;
  }

  /** Each block gets the intervals that overlap it (one crossing a border goes into both). */
  private store(id: string, spans: Interval[], first: number, last: number, expires: number) {
    const lists: Interval[][] = [];
    for (let b = first; b <= last; b++) lists.push([]);
    for (const s of spans) {
      const from = Math.max(first, Math.floor(s.start / BLOCK_MS));
      const to = Math.min(last, Math.floor((s.end - 1) / BLOCK_MS));
      for (let b = from; b <= to; b++) lists[b - first]!.push(s);
    }
    for (let b = first; b <= last; b++) this.blocks.set(`${id}:${b}`, { spans: lists[b - first]!, expires });
  }
}

const shared = new WeakMap<EventBus, BusyCache>();

/**
 * The app instance's busy-time cache (one per event bus, which is one per instance), or undefined inside a
 * transaction: there the reads must see the transaction's own writes and go to the database.
 */
export function busyCacheFor(ctx: AppContext): BusyCache | undefined {
  if (ctx.db !== ctx.database.db) return undefined;
  let cache = shared.get(ctx.bus);
  if (!cache) {
    const bus = ctx.bus as EventBus & { listening?: boolean };
    const created = new BusyCache(ctx.database.db, () => bus.listening !== false);
    ctx.bus.subscribe((event) => {
      if (event.type === BOOKING_CHANGED || event.type === RESYNC_EVENT) created.clear();
    });
    shared.set(ctx.bus, (cache = created));
  }
  return cache;
}
