/** Placing blocks in a day column: minutes from midnight, side-by-side lanes for overlapping times. */
export type Span = { start: number; end: number };
export type Placed<T> = { item: T; lane: number; lanes: number };

/** The grid's usual hours (08:00–16:00), widened to whole hours when something falls outside them. */
export const GRID_START = 8 * 60;
export const GRID_END = 16 * 60;

export function gridHours(spans: readonly Span[]): { start: number; end: number } {
  let start = GRID_START;
  let end = GRID_END;
  for (const s of spans) {
    start = Math.min(start, Math.floor(s.start / 60) * 60);
    end = Math.max(end, Math.ceil(s.end / 60) * 60);
  }
  return { start: Math.max(0, start), end: Math.min(24 * 60, end) };
}

/**
 * Greedy lanes: each item takes the first lane free at its start; items that overlap one another, directly or
 * through a chain, share the width of the widest moment of their cluster.
 */
export function placeInLanes<T>(items: readonly T[], span: (item: T) => Span): Placed<T>[] {
  const sorted = [...items].sort((a, b) => span(a).start - span(b).start || span(b).end - span(a).end);
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    out.push(...cluster);
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    const { start, end } = span(item);
    if (start >= clusterEnd) close();
    let lane = laneEnds.findIndex((e) => e <= start);
    if (lane < 0) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    cluster.push({ item, lane, lanes: 0 });
    clusterEnd = Math.max(clusterEnd === -Infinity ? end : clusterEnd, end);
  }
  close();
  return out;
}

/** CSS position of a span inside the grid's hours, in percent of the column. */
export function position(s: Span, hours: { start: number; end: number }) {
  const total = hours.end - hours.start;
  const start = Math.max(s.start, hours.start);
  const end = Math.min(s.end, hours.end);
  return { top: ((start - hours.start) / total) * 100, height: (Math.max(end - start, 10) / total) * 100 };
}
