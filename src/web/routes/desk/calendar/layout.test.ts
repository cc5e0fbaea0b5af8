import { describe, expect, it } from 'vitest';
import { gridHours, placeInLanes, position } from './layout';

const span = (s: { start: number; end: number }) => s;

describe('calendar layout', () => {
  it('keeps 08–16 unless something falls outside it', () => {
    expect(gridHours([{ start: 540, end: 570 }])).toEqual({ start: 480, end: 960 });
    expect(gridHours([{ start: 450, end: 500 }, { start: 950, end: 985 }])).toEqual({ start: 420, end: 1020 });
  });

  it('puts overlapping items side by side and lone ones full width', () => {
    const a = { id: 'a', start: 540, end: 600 };
    const b = { id: 'b', start: 570, end: 630 };
    const c = { id: 'c', start: 600, end: 660 };
    const d = { id: 'd', start: 700, end: 730 };
    const placed = Object.fromEntries(placeInLanes([d, c, b, a], span).map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(placed).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });

  it('positions in percent of the visible hours', () => {
    expect(position({ start: 540, end: 600 }, { start: 480, end: 960 })).toEqual({ top: 12.5, height: 12.5 });
  });
});
