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

/** True when no busy interval overlaps [start, end). Busy intervals of one resource never overlap each other. */
export function isFree(busy: Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (busy[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo === busy.length || busy[lo]!.start >= end;
}

function works(r: Resource, date: string, start: number, end: number): boolean {
  const windows = r.working.get(date);
  return !!windows && windows.some((w) => w.start <= start && end <= w.end);
}

/** Busy minutes of the resource on the day, to hand the next booking to the least loaded expert or interpreter. */
function load(r: Resource, day: Interval): number {
  let total = 0;
  for (const b of r.busy) if (b.start < day.end && b.end > day.start) total += Math.min(b.end, day.end) - Math.max(b.start, day.start);
  return total;
}

function pick(resources: Resource[], date: string, start: number, end: number, loads: Map<string, number>): Resource | undefined {
  let best: Resource | undefined;
  for (const r of resources) {
    if (!works(r, date, start, end) || !isFree(r.busy, start, end)) continue;
    if (!best || loads.get(r.id)! < loads.get(best.id)!) best = r;
  }
  return best;
}

export function computeSlots(q: SlotQuery): Slot[] {
  const slots: Slot[] = [];
  for (const day of q.days) {
    if (day.open.length === 0) continue;
    const span = { start: day.open[0]!.start, end: day.open[day.open.length - 1]!.end };
    const loads = new Map<string, number>();
    for (const r of [...q.experts, ...(q.interpreters ?? [])]) loads.set(r.id, load(r, span));
    for (const window of day.open) {
      for (let start = window.start; start + q.durationMs <= window.end; start += q.stepMs) {
        if (start < q.earliest || start > q.latest) continue;
        const end = start + q.durationMs;
        const room = q.rooms.find((r) => isFree(r.busy, start, end));
        if (!room) continue;
        const expert = pick(q.experts, day.date, start, end, loads);
        if (!expert) continue;
        let interpreterId: string | undefined;
        if (q.interpreters) {
          const interpreter = pick(q.interpreters, day.date, start, end, loads);
          if (!interpreter) continue;
          interpreterId = interpreter.id;
        }
        slots.push({ start, end, roomId: room.id, expertId: expert.id, ...(interpreterId ? { interpreterId } : {}) });
      }
    }
  }
  return slots;
}
