import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { type EventBus, RESYNC_EVENT } from '../../realtime/bus.js';
import type { Interval } from './availability.js';
import { type BusyTouch, Invalidations, busyTouches } from './busy-change.js';
import { schedulingRepository as repo } from './repository.js';

/**
 * Busy time of rooms, experts and interpreters kept in memory per app instance, in blocks of BLOCK_MS per holder, so
 * a steady availability request sends no statement at all. Correctness:
 * - The exclusion constraints on `bookings` stay the guarantee against double-booking; this only answers "which
 *   times look free", which may be momentarily stale, never for long.
 * - Every booking write publishes `booking.changed` after its commit; the bus hands it to this instance's
 *   subscribers synchronously before the write's request answers (so a client that booked and then asks this
 *   instance again sees its booking), and PostgreSQL's NOTIFY carries it to the other instances. The event names the
 *   holders and the span it touched (busy-change.ts): only those holders' blocks overlapping the span are dropped.
 *   An event that names nothing, and a bus resync (events may have been missed), drop the whole cache.
 * - A fill whose statement started before an invalidation is used for its own request, but the blocks of holders
 *   that invalidation touched are not kept (for a total one, nothing is): its snapshot may predate the change.
 * - A request missing some blocks asks once, for the missing holders over the weeks they miss; dropped blocks that
 *   were cached are read again at once (refill), and a request for them waits for that (docs/availability-caches.md).
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
type Kind = 'roomIds' | 'expertIds' | 'interpreterIds';
const KINDS: Kind[] = ['roomIds', 'expertIds', 'interpreterIds'];

export class BusyCache {
  private readonly blocks = new Map<string, Block>();
  /** The intervals last assembled per holder and range, with the block lists they came from (read-only for callers). */
  private readonly assembled = new Map<string, { parts: Interval[][]; spans: Interval[] }>();
  private readonly invalidations = new Invalidations();
  /** Refills of dropped blocks in flight, per holder: a request for the holder waits for it instead of asking again. */
  private readonly pending = new Map<string, Promise<void>>();
  /**
   * Fills (statements a request sent), hits (requests answered without one), blocks dropped by targeted invalidation,
   * whole drops, and refills (statements sent at once for dropped blocks).
   */
  readonly stats = { fills: 0, hits: 0, dropped: 0, cleared: 0, refills: 0 };
  /** The holders whose blocks the last targeted invalidation dropped (for tests). */
  lastDropped: ReadonlySet<string> = new Set();

  constructor(
    private readonly db: Db,
    private readonly live: () => boolean = () => true,
    private readonly maxAgeMs = MAX_AGE_MS,
    /** Read dropped blocks again at once, so the next request finds them (the instance's cache does; see refill). */
    private readonly refillDropped = false,
  ) {}

  clear() {
    this.invalidations.record('all');
    this.blocks.clear();
    this.assembled.clear();
    this.stats.cleared++;
  }

  /** Drops the touched holders' blocks overlapping the touched spans (busy-change.ts). */
  invalidate(touches: BusyTouch[]) {
    this.invalidations.record(touches);
    const dropped = new Set<string>();
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of touches) {
      const first = Math.floor(t.from / BLOCK_MS);
      const last = Math.floor((t.to - 1) / BLOCK_MS);
      for (const id of t.holders) {
        for (let b = first; b <= last; b++) {
          if (!this.blocks.delete(`${id}:${b}`)) continue;
          this.stats.dropped++;
          dropped.add(id);
          lo = Math.min(lo, b);
          hi = Math.max(hi, b);
        }
      }
    }
    this.lastDropped = dropped;
    if (dropped.size > 0 && this.refillDropped && this.live()) this.refill([...dropped], lo, hi);
  }

  /**
   * Reads the dropped holders' weeks again right away (one statement), so the request that follows a booking finds
   * them cached instead of paying the round trip; a request that comes while it is in flight waits for it. Only what
   * was cached (in use) is refilled, under the same rule as a fill: not kept for a holder an invalidation touched
   * meanwhile. A holder's kind is not in the event, so its id is looked for among rooms, experts and interpreters.
   */
  private refill(ids: string[], lo: number, hi: number) {
    this.stats.refills++;
    const since = this.invalidations.current;
    const done: Promise<void> = repo
      .busy(this.db, { roomIds: ids, expertIds: ids, interpreterIds: ids, from: new Date(lo * BLOCK_MS), to: new Date((hi + 1) * BLOCK_MS) })
      .then(
        (rows) => {
          const changed = this.invalidations.since(since);
          if (changed === 'all' || !this.live()) return;
          const touched = new Set(changed.flatMap((t) => t.holders));
          const byHolder = new Map(rows.map((r) => [r.holderId, r.busy]));
          const expires = Date.now() + this.maxAgeMs;
          for (const id of ids) {
            if (touched.has(id)) continue;
            const lists = split(byHolder.get(id) ?? [], lo, hi);
            for (let b = lo; b <= hi; b++) this.blocks.set(`${id}:${b}`, { spans: lists[b - lo]!, expires });
          }
        },
        // A failed refill leaves the blocks missing: the next request reads them itself.
        () => undefined,
      )
      .finally(() => {
        for (const id of ids) if (this.pending.get(id) === done) this.pending.delete(id);
      });
    for (const id of ids) this.pending.set(id, done);
  }

  /** Whether the holder's block is cached (for tests). */
  has(id: string, at: Date): boolean {
    const block = this.blocks.get(`${id}:${Math.floor(at.getTime() / BLOCK_MS)}`);
    return !!block && block.expires > Date.now();
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
    if (this.pending.size > 0) {
      const waits = new Set<Promise<void>>();
      for (const kind of KINDS) {
        for (const id of q[kind]) {
          const refill = this.pending.get(id);
          if (refill) waits.add(refill);
        }
      }
      if (waits.size > 0) await Promise.all(waits);
    }
    const now = Date.now();
    const missing = { roomIds: [] as string[], expertIds: [] as string[], interpreterIds: [] as string[] };
    // The weeks to ask for: from the first to the last block any holder misses.
    let lo = Infinity;
    let hi = -Infinity;
    for (const kind of KINDS) {
      for (const id of q[kind]) {
        const spans = this.assemble(id, first, last, now);
        if (spans) {
          out.set(id, spans);
          continue;
        }
        missing[kind].push(id);
        for (let b = first; b <= last; b++) {
          const block = this.blocks.get(`${id}:${b}`);
          if (block && block.expires > now) continue;
          lo = Math.min(lo, b);
          hi = Math.max(hi, b);
        }
      }
    }
    if (missing.roomIds.length + missing.expertIds.length + missing.interpreterIds.length === 0) {
      this.stats.hits++;
      return out;
    }
    this.stats.fills++;
    const since = this.invalidations.current;
    const rows = await repo.busy(this.db, { ...missing, from: new Date(lo * BLOCK_MS), to: new Date((hi + 1) * BLOCK_MS) });
    const changed = this.invalidations.since(since);
    const keep = changed !== 'all' && this.live();
    const touched = new Set(keep ? changed.flatMap((t) => t.holders) : []);
    if (keep && this.blocks.size > MAX_BLOCKS) this.blocks.clear();
    const byHolder = new Map(rows.map((r) => [r.holderId, r.busy]));
    const expires = Date.now() + this.maxAgeMs;
    for (const kind of KINDS) {
      for (const id of missing[kind]) {
        const fetched = split(byHolder.get(id) ?? [], lo, hi);
        if (keep && !touched.has(id)) for (let b = lo; b <= hi; b++) this.blocks.set(`${id}:${b}`, { spans: fetched[b - lo]!, expires });
        // The fetched weeks, and the cached ones around them (which may have expired since, or been dropped).
        const spans = this.assemble(id, first, last, -Infinity, (b) => (b >= lo && b <= hi ? fetched[b - lo] : undefined));
        if (spans) out.set(id, spans);
        else out.set(id, (await repo.busy(this.db, { ...empty, [kind]: [id], from: q.from, to: q.to }))[0]?.busy ?? []);
      }
    }
    return out;
  }

  /**
   * The holder's intervals from its blocks first…last, or undefined when one of them is missing or expired. `over`
   * supplies blocks just read, in preference to the cached ones.
   */
  private assemble(id: string, first: number, last: number, now: number, over?: (b: number) => Interval[] | undefined): Interval[] | undefined {
    const blockAt = (b: number) => {
      const fresh = over?.(b);
      if (fresh) return fresh;
      const block = this.blocks.get(`${id}:${b}`);
      return block && block.expires > now ? block.spans : undefined;
    };
    const head = blockAt(first);
    if (!head) return undefined;
    if (first === last) return head;
    const parts = [head];
    for (let b = first + 1; b <= last; b++) {
      const block = blockAt(b);
      if (!block) return undefined;
      parts.push(block);
    }
    // The same blocks as last time (no holder-week of this range was dropped or refilled): the same list, not a copy.
    const key = `${id}:${first}:${last}`;
    const memo = this.assembled.get(key);
    if (memo && memo.parts.length === parts.length && memo.parts.every((p, i) => p === parts[i])) return memo.spans;
    const spans = [...head];
    for (let i = 1; i < parts.length; i++) {
      // An interval reaching into this block from an earlier one is already in.
      const start = (first + i) * BLOCK_MS;
      for (const s of parts[i]!) if (s.start >= start) spans.push(s);
    }
    if (this.assembled.size > MAX_BLOCKS) this.assembled.clear();
    this.assembled.set(key, { parts, spans });
    return spans;
  }
}

const empty = { roomIds: [], expertIds: [], interpreterIds: [] };

/** Blocks lo…hi, each with the intervals that overlap it (one crossing a border goes into both). */
function split(spans: Interval[], lo: number, hi: number): Interval[][] {
  const lists: Interval[][] = [];
  for (let b = lo; b <= hi; b++) lists.push([]);
  for (const s of spans) {
    const from = Math.max(lo, Math.floor(s.start / BLOCK_MS));
    const to = Math.min(hi, Math.floor((s.end - 1) / BLOCK_MS));
    for (let b = from; b <= to; b++) lists[b - lo]!.push(s);
  }
  return lists;
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
    const created = new BusyCache(ctx.database.db, () => bus.listening !== false, MAX_AGE_MS, true);
    ctx.bus.subscribe((event) => {
      if (event.type === RESYNC_EVENT) created.clear();
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
