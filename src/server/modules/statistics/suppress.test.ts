import { describe, expect, it } from 'vitest';
import type { StatisticsRow, StatisticsView } from '../../../shared/statistics.js';
import { auditSuppression } from '../../../../test/helpers/statistics-audit.js';
import { protectView } from './suppress.js';

/**
 * The rule against the attacker of test/helpers/statistics-audit.ts on many small made-up views (no database: the
 * rule is a function of the view). Each view is internally consistent: meetings + no-shows = bookings − cancellations,
 * the outcomes add up to the meetings, the scores to the feedback count, the weekly series to the rows.
 */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

function madeUpView(seed: number, groupBy: 'agency' | 'servicePoint'): StatisticsView {
  const r = random(seed);
  // Mostly small numbers and zeros: where suppression has the most to do.
  const n = () => [0, 0, 1, 2, 3, 4, 5, 6, 9, 14][r(10)]!;
  const weeks = ['2025-10-20', '2025-10-27', '2025-11-03'].slice(0, 1 + r(3));
  const agencies = Array.from({ length: 2 + r(3) }, (_, i) => `a${i}`);
  const weekly = weeks.flatMap((week) => agencies.map((a) => ({ week, agency: { id: a, name: a }, meetings: n() })));
  const ids = groupBy === 'agency' ? agencies : Array.from({ length: 1 + r(4) }, (_, i) => `p${i}`);
  const rows = ids.map((id): StatisticsRow => {
    const meetings = groupBy === 'agency' ? weekly.filter((w) => w.agency.id === id).reduce((s, w) => s + (w.meetings as number), 0) : n();
    const noShows = n();
    const cancellations = n();
    const outcomes = [0, 0, 0];
    for (let k = 0; k < meetings; k++) outcomes[r(3)]! += 1;
    const scores = [n(), n(), n(), n(), n()];
    const count = scores.reduce((a, b) => a + b, 0);
    const interpreting = Object.fromEntries(['fse', 'ru'].slice(0, r(3)).map((l) => [l, n()]));
    return {
      group: { id, name: id },
      bookings: meetings + noShows + cancellations,
      bookingsByChannel: { 'on-site': meetings + noShows + cancellations, 'agency-phone': 0, 'service-point-phone': 0, online: 0 },
      cancellations,
      cancellationsBy: { agency: cancellations, servicePoint: 0, customer: 0, system: 0, other: 0 },
      noShows,
      walkIns: n(),
      walkInsLeft: n(),
      meetings,
      capacity: { bookedMinutes: 0, openMinutes: 0, share: null },
      waiting: { count: meetings, median: meetings ? 5 : null, p90: meetings ? 9 : null },
      duration: { count: meetings, median: meetings ? 20 : null },
      outcomes: { completed: outcomes[0]!, 'customer-left': outcomes[1]!, 'technical-failure': outcomes[2]!, 'referred-elsewhere': 0 },
      identityChecks: { verified: n(), notVerified: n(), cancelled: 0 },
      documents: { handovers: n(), pages: n() * 3 },
      incidents: null,
      interpreting,
      calls: groupBy === 'servicePoint' ? { count: n(), acknowledgedMedian: 30, acknowledgedP90: 50, escalated: n() } : null,
      feedback: { count, mean: count ? scores.reduce((s, d, k) => s + d * (k + 1), 0) / count : null, distribution: scores },
      time: null,
    };
  });
  return { from: '2025-10-20', to: '2025-11-09', groupBy, rows, weekly, capacityByHour: [] };
}

describe('protectView', () => {
  it('leaves nothing to work out by subtraction in 1000 made-up views, and changes no shown figure', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const raw = madeUpView(seed, seed % 2 ? 'agency' : 'servicePoint');
      const audit = auditSuppression(protectView(raw), raw);
      if (audit.unprotected.length || audit.wrong.length || audit.derivable.length) problems.push(`${seed}: ${JSON.stringify(audit)}`);
    }
    expect(problems).toEqual([]);
  });

  it('hides nothing where nothing is small, and returns a copy', () => {
    const raw = madeUpView(3, 'agency');
    for (const row of raw.rows) {
      Object.assign(row, { noShows: 0, walkIns: 7, walkInsLeft: 0, meetings: 0 });
      Object.assign(row.waiting, { count: 0, median: null, p90: null });
      Object.assign(row.duration, { count: 0, median: null });
      Object.assign(row.outcomes, { completed: 0, 'customer-left': 0, 'technical-failure': 0 });
      Object.assign(row.identityChecks, { verified: 9, notVerified: 0 });
      row.documents = { handovers: 0, pages: 0 };
      row.interpreting = {};
      row.feedback = { count: 10, mean: 4.5, distribution: [0, 0, 0, 5, 5] };
      row.bookings = row.cancellations;
    }
    raw.weekly = raw.weekly.map((w) => ({ ...w, meetings: 0 }));
    const shown = protectView(raw);
    expect(shown).toEqual(raw);
    expect(shown).not.toBe(raw);
  });
});
