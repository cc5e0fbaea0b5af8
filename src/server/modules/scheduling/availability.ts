/**
 * The slot computation, free of I/O: given the day plans (opening windows), each resource's working windows and
 * busy intervals, list every start time at which a room, an expert and (when asked) an interpreter are all free
 * for the whole duration. Times are epoch milliseconds; intervals are half-open [start, end).
 */
export type Interval = { start: number; end: number };
export type Resource = { id: string; working: Map<string, Interval[]>; busy: Interval[] };
export type DayPlan = { date: string; open: Interval[] };
export type Slot = { start: number; end: number; roomId: string; expertId: string; interpreterId?: string };

export type SlotQuery = {
  days: DayPlan[];
  durationMs: number;
  stepMs: number;
  earliest: number;
  latest: number;
  rooms: Resource[];
  experts: Resource[];
  interpreters?: Resource[];
};

function works(r: Resource, date: string, start: number, end: number): boolean {
  const windows = r.working.get(date);
  if (!windows) return false;
  for (const w of windows) if (w.start <= start && end <= w.end) return true;
  return false;
}

/** Index of the first busy interval that ends after `at` (busy is in order of start and never overlaps). */
function firstEndingAfter(busy: Interval[], at: number): number {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (busy[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when no busy interval overlaps [start, end). Busy intervals of one resource never overlap each other. */
export function isFree(busy: Interval[], start: number, end: number): boolean {
  const i = firstEndingAfter(busy, start);
  return i === busy.length || busy[i]!.start >= end;
}

/**
 * Busy minutes of the resource on the day, to hand the next booking to the least loaded expert or interpreter. Only
 * the day's intervals are visited (from a binary search), not the whole range's: hundreds of experts × 28 days.
 */
function load(r: Resource, day: Interval): number {
  let total = 0;
  for (let i = firstEndingAfter(r.busy, day.start); i < r.busy.length && r.busy[i]!.start < day.end; i++) {
    const b = r.busy[i]!;
    total += Math.min(b.end, day.end) - Math.max(b.start, day.start);
  }
  return total;
}

/** The first resource, in order of the day's load (least first), that works and is free for [start, end). */
function pick(byLoad: Resource[], date: string, start: number, end: number): Resource | undefined {
  for (const r of byLoad) if (works(r, date, start, end) && isFree(r.busy, start, end)) return r;
  return undefined;
}

/** Least loaded first; a stable sort keeps the given order among equals, as the pick did before. */
function byLoad(resources: Resource[], span: Interval): Resource[] {
  // Loads in an array beside the resources, not a Map: hundreds of experts × 28 days per answer (bench/availability.ts).
  const loads = new Float64Array(resources.length);
  const order: number[] = [];
  for (let i = 0; i < resources.length; i++) {
    loads[i] = load(resources[i]!, span);
    order.push(i);
  }
  order.sort((a, b) => loads[a]! - loads[b]!);
  return order.map((i) => resources[i]!);
}

export function computeSlots(q: SlotQuery): Slot[] {
  const slots: Slot[] = [];
  for (const day of q.days) {
    if (day.open.length === 0) continue;
    const span = { start: day.open[0]!.start, end: day.open[day.open.length - 1]!.end };
    const experts = byLoad(q.experts, span);
    const interpreters = q.interpreters && byLoad(q.interpreters, span);
    for (const window of day.open) {
      for (let start = window.start; start + q.durationMs <= window.end; start += q.stepMs) {
        if (start < q.earliest || start > q.latest) continue;
        const end = start + q.durationMs;
        const room = q.rooms.find((r) => isFree(r.busy, start, end));
        if (!room) continue;
        const expert = pick(experts, day.date, start, end);
        if (!expert) continue;
        let interpreterId: string | undefined;
        if (interpreters) {
          const interpreter = pick(interpreters, day.date, start, end);
          if (!interpreter) continue;
          interpreterId = interpreter.id;
        }
        slots.push({ start, end, roomId: room.id, expertId: expert.id, ...(interpreterId ? { interpreterId } : {}) });
      }
    }
  }
  return slots;
}
