import type { PeopleFigure, StatisticsRow } from '../../../shared/statistics.js';
import { TIME_TASKS } from '../../../shared/time-reports.js';
import type {
  BookingFigures,
  CallFigures,
  CancellerFigures,
  DocumentFigures,
  FeedbackFigures,
  IdentityFigures,
  IncidentFigures,
  MeetingFigures,
  OpenFigures,
  TimeFigures,
  WalkInFigures,
} from './repository.js';

/** A median or mean over n people: none for nobody (hiding those over 1–4 is protectView's). */
const figure = (n: number, value: number | null): PeopleFigure => (n === 0 ? null : value);

export type Figures = {
  bookings: BookingFigures[] | null;
  cancellers: CancellerFigures[] | null;
  walkIns: WalkInFigures[] | null;
  meetings: MeetingFigures[] | null;
  identity: IdentityFigures[] | null;
  documents: DocumentFigures[] | null;
  incidents: IncidentFigures[] | null;
  calls: CallFigures[] | null;
  feedback: FeedbackFigures[] | null;
  time: TimeFigures[] | null;
  open: OpenFigures[];
};

const byKey = <T extends { k: string | null }>(rows: T[] | null) => {
  const map = new Map<string, T[]>();
  for (const r of rows ?? []) if (r.k !== null) map.set(r.k, [...(map.get(r.k) ?? []), r]);
  return map;
};
const sum = <T>(rows: T[] | undefined, f: (r: T) => number) => (rows ?? []).reduce((s, r) => s + f(r), 0);

/**
 * One row per group from the aggregates: every group that any table counted. A measure whose table cannot be
 * counted for this selection is null. The figures are plain numbers: protectView (suppress.ts) hides what must be.
 */
export function presentRows(f: Figures, names: Map<string, string>): StatisticsRow[] {
  const maps = {
    bookings: byKey(f.bookings),
    cancellers: byKey(f.cancellers),
    walkIns: byKey(f.walkIns),
    meetings: byKey(f.meetings),
    identity: byKey(f.identity),
    documents: byKey(f.documents),
    incidents: byKey(f.incidents),
    calls: byKey(f.calls),
    feedback: byKey(f.feedback),
    time: byKey(f.time),
  };
  const open = new Map(f.open.map((o) => [o.k, o.open_minutes]));
  const totalOpen = open.get('');
  // Every group any table counted, and every point or week with open rooms (an idle one shows 0 % used).
  const keys = new Set([...Object.values(maps).flatMap((m) => [...m.keys()]), ...[...open.keys()].filter((k) => k !== '')]);
  return [...keys].map((k): StatisticsRow => {
    const b = maps.bookings.get(k);
    const bookedMinutes = Math.round(sum(b, (r) => r.booked_minutes));
    const openMinutes = Math.round(totalOpen ?? open.get(k) ?? 0);
    const m = maps.meetings.get(k)?.[0];
    const i = maps.identity.get(k)?.[0];
    const d = maps.documents.get(k)?.[0];
    const c = maps.calls.get(k)?.[0];
    const fb = maps.feedback.get(k)?.[0];
    const cancelledBy = (who: string) => sum(maps.cancellers.get(k)?.filter((r) => r.who === who), (r) => r.n);
    const category = (name: string) => sum(maps.incidents.get(k)?.filter((r) => r.category === name), (r) => r.n);
    const task = (name: string) => sum(maps.time.get(k)?.filter((r) => r.task === name), (r) => r.minutes);
    const interpreting: Record<string, number> = {};
    for (const r of b ?? []) if (r.interpreting && r.interpreted > 0) interpreting[r.interpreting] = (interpreting[r.interpreting] ?? 0) + r.interpreted;
    return {
      group: { id: k, name: names.get(k) ?? k },
      bookings: sum(b, (r) => r.bookings),
      bookingsByChannel: { 'on-site': sum(b, (r) => r.on_site), 'agency-phone': sum(b, (r) => r.agency_phone), 'service-point-phone': sum(b, (r) => r.service_point_phone), online: sum(b, (r) => r.online) },
      cancellations: sum(b, (r) => r.cancellations),
      cancellationsBy: { agency: cancelledBy('agency'), servicePoint: cancelledBy('servicePoint'), customer: cancelledBy('customer'), system: cancelledBy('system'), other: cancelledBy('other') },
      noShows: sum(b, (r) => r.no_shows),
      walkIns: sum(b, (r) => r.walk_ins),
      walkInsLeft: sum(maps.walkIns.get(k), (r) => r.left_queue),
      meetings: sum(b, (r) => r.meetings),
      capacity: { bookedMinutes, openMinutes, share: openMinutes > 0 ? bookedMinutes / openMinutes : null },
      waiting: { count: m?.waits ?? 0, median: figure(m?.waits ?? 0, m?.wait_median ?? null), p90: figure(m?.waits ?? 0, m?.wait_p90 ?? null) },
      duration: { count: m?.durations ?? 0, median: figure(m?.durations ?? 0, m?.duration_median ?? null) },
      outcomes: {
        completed: m?.completed ?? 0,
        'customer-left': m?.customer_left ?? 0,
        'technical-failure': m?.technical_failure ?? 0,
        'referred-elsewhere': m?.referred_elsewhere ?? 0,
      },
      identityChecks: { verified: i?.verified ?? 0, notVerified: i?.not_verified ?? 0, cancelled: i?.cancelled ?? 0 },
      documents: f.documents && { handovers: d?.handovers ?? 0, pages: d?.pages ?? 0 },
      incidents: f.incidents && { video: category('video'), audio: category('audio'), network: category('network'), terminal: category('terminal'), 'document-camera': category('document-camera'), other: category('other') },
      interpreting,
      calls: f.calls && {
        count: c?.calls ?? 0,
        acknowledgedMedian: figure(c?.calls ?? 0, c?.acknowledged_median ?? null),
        acknowledgedP90: figure(c?.calls ?? 0, c?.acknowledged_p90 ?? null),
        escalated: c?.escalated ?? 0,
      },
      feedback: f.feedback && {
        count: fb?.n ?? 0,
        mean: figure(fb?.n ?? 0, fb?.mean ?? null),
        distribution: [fb?.s1 ?? 0, fb?.s2 ?? 0, fb?.s3 ?? 0, fb?.s4 ?? 0, fb?.s5 ?? 0],
      },
      time: f.time && (Object.fromEntries(TIME_TASKS.map((t) => [t, task(t)])) as NonNullable<StatisticsRow['time']>),
    };
  });
}
