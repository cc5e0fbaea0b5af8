import type { DomainEvent } from '../../realtime/bus.js';
import { MAX_BOOKING_MS } from './repository.js';

/**
 * What a `booking.changed` event tells the availability caches (busy-cache.ts, answer-cache.ts): whose busy time may
 * have changed, and when. The invalidation rule (docs/availability-caches.md):
 * - A booking occupies its room, expert and interpreter (its holders) within a day of its start (CHECK
 *   bookings_max_length), so a change that keeps its holders and start (a status change, a cancellation, a release
 *   or an extension of its end) touches [start, start + 1 day) of those holders, whatever its end was or became.
 * - A change of holders or start (a move) touches that span both before and after.
 * - An event without a readable `payload.busy` (an older instance, a write that does not know what it touched)
 *   cannot be attributed: the caches drop everything, as they did for every event before.
 */
export type BusyTouch = { holders: string[]; from: number; to: number };

/** What the payload carries: per touched span, its holders and [from, to) in epoch milliseconds. */
export type BusyChangePayload = { busy: BusyTouch[] };

type Occupies = { roomId?: string | null; expertId?: string | null; interpreterId?: string | null; startsAt?: Date | null };

/** The span of a booking row (undefined when the row does not say where and when it is). */
function touchOf(b: Occupies): BusyTouch | undefined {
  if (!b.roomId || !b.expertId || !b.startsAt) return undefined;
  const from = b.startsAt.getTime();
  const holders = b.interpreterId ? [b.roomId, b.expertId, b.interpreterId] : [b.roomId, b.expertId];
  return { holders, from, to: from + MAX_BOOKING_MS };
}

/**
 * The payload for a booking now as `after`, before as `before` (a move); undefined when `after` lacks its holders or
 * start, so the event is sent without one and every instance drops its whole caches.
 */
export function busyChangePayload(after: Occupies, before?: Occupies): BusyChangePayload | undefined {
  const now = touchOf(after);
  if (!now) return undefined;
  if (!before) return { busy: [now] };
  const then = touchOf(before);
  if (!then) return undefined;
  const same = then.from === now.from && then.holders.join() === now.holders.join();
  return { busy: same ? [now] : [then, now] };
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The spans an event touched, or undefined when it cannot be attributed (then everything counts as touched). Read
 * defensively: the event may come from another instance, of another version.
 */
export function busyTouches(event: DomainEvent): BusyTouch[] | undefined {
  const busy = (event.payload as { busy?: unknown } | undefined)?.busy;
  if (!Array.isArray(busy) || busy.length === 0) return undefined;
  const out: BusyTouch[] = [];
  for (const t of busy as Partial<BusyTouch>[]) {
    if (!t || !Array.isArray(t.holders) || !t.holders.every(isId) || !isTime(t.from) || !isTime(t.to) || t.to <= t.from) return undefined;
    out.push({ holders: t.holders, from: t.from, to: t.to });
  }
  return out;
}

/**
 * The invalidations an instance has applied, numbered, so a cache fill that started before some of them can tell
 * whether what it read may predate one that concerns it (it is then used for its own request but not kept).
 */
export class Invalidations {
  private seq = 0;
  /** Recent invalidations after `floor` (older ones forgotten: a fill that old is not kept). */
  private readonly log: { seq: number; touches: BusyTouch[] | 'all' }[] = [];
  private floor = 0;

  constructor(private readonly keep = 1_000) {}

  /** The number of the last invalidation: what a fill remembers when it starts. */
  get current(): number {
    return this.seq;
  }

  record(touches: BusyTouch[] | 'all') {
    this.log.push({ seq: ++this.seq, touches });
    if (this.log.length > this.keep) this.floor = this.log.splice(0, this.log.length - this.keep).at(-1)!.seq;
  }

  /** Everything invalidated after `since`: 'all' when one of them was total or has been forgotten. */
  since(since: number): BusyTouch[] | 'all' {
    if (since === this.seq) return [];
    if (since < this.floor) return 'all';
    const out: BusyTouch[] = [];
    for (let i = this.log.length - 1; i >= 0 && this.log[i]!.seq > since; i--) {
      const t = this.log[i]!.touches;
      if (t === 'all') return 'all';
      out.push(...t);
    }
    return out;
  }
}
