import {
  BOOKING_CHANNELS,
  CANCELLERS,
  IDENTITY_RESULTS,
  INCIDENT_CATEGORIES,
  MEASURE_GROUPS,
  type MeasureGroup,
  OUTCOMES,
  type PeopleFigure,
  type StatisticsRow,
} from './statistics.js';
import { TIME_TASKS } from './time-reports.js';

/**
 * The statistics as columns, grouped by measure: what the page's tables show and what the CSV and XLSX hold, built
 * from the same JSON with the same labels, so an export is exactly what is on screen.
 */

/** A translation function over the `statistics` namespace (i18next's t, or the server's own over the same files). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type Cell = PeopleFigure;
/** `chart: false`: in the table only (a total beside its parts, a figure in another unit than the chart's). */
export type Column = { key: string; label: string; value: (row: StatisticsRow) => Cell; percent?: boolean; decimals?: number; chart?: boolean };
export type ColumnGroup = { group: MeasureGroup; label: string; columns: Column[] };

const round = (v: Cell, decimals: number) => (typeof v === 'number' ? Math.round(v * 10 ** decimals) / 10 ** decimals : v);

export function statisticsColumns(rows: StatisticsRow[], t: Translate, languageName: (code: string) => string, groups: readonly MeasureGroup[] = MEASURE_GROUPS): ColumnGroup[] {
  const c = (key: string, label: string, value: Column['value'], extra: Partial<Column> = {}): Column => ({ key, label, value, ...extra });
  const interpretingLanguages = [...new Set(rows.flatMap((r) => Object.keys(r.interpreting)))].sort();
  const all: Record<MeasureGroup, Column[]> = {
    bookings: [
      c('bookings', t('columns.bookings'), (r) => r.bookings, { chart: false }),
      ...BOOKING_CHANNELS.map((ch) => c(`bookingsByChannel.${ch}`, t('channelsPrefix', { channel: t(`channels.${ch}`) }), (r) => r.bookingsByChannel[ch])),
      c('cancellations', t('columns.cancellations'), (r) => r.cancellations),
      ...CANCELLERS.map((w) => c(`cancellationsBy.${w}`, t('cancelledBy', { who: t(`cancellers.${w}`) }), (r) => r.cancellationsBy[w], { chart: false })),
    ],
    meetings: [c('meetings', t('columns.meetings'), (r) => r.meetings), c('noShows', t('columns.noShows'), (r) => r.noShows), c('walkIns', t('columns.walkIns'), (r) => r.walkIns), c('walkInsLeft', t('columns.walkInsLeft'), (r) => r.walkInsLeft)],
    capacity: [
      c('capacity.bookedMinutes', t('columns.bookedMinutes'), (r) => r.capacity.bookedMinutes, { chart: false }),
      c('capacity.openMinutes', t('columns.openMinutes'), (r) => r.capacity.openMinutes, { chart: false }),
      c('capacity.share', t('columns.share'), (r) => round(r.capacity.share, 4), { percent: true }),
    ],
    times: [
      c('waiting.count', t('columns.waitingCount'), (r) => r.waiting.count, { chart: false }),
      c('waiting.median', t('columns.waitingMedian'), (r) => round(r.waiting.median, 1), { decimals: 1 }),
      c('waiting.p90', t('columns.waitingP90'), (r) => round(r.waiting.p90, 1), { decimals: 1 }),
      c('duration.count', t('columns.durationCount'), (r) => r.duration.count, { chart: false }),
      c('duration.median', t('columns.durationMedian'), (r) => round(r.duration.median, 1), { decimals: 1 }),
    ],
    outcomes: OUTCOMES.map((o) => c(`outcomes.${o}`, t(`outcomes.${o}`), (r) => r.outcomes[o])),
    calls: [
      c('calls.count', t('columns.calls'), (r) => r.calls?.count ?? null),
      c('calls.acknowledgedMedian', t('columns.acknowledgedMedian'), (r) => round(r.calls?.acknowledgedMedian ?? null, 0), { chart: false }),
      c('calls.acknowledgedP90', t('columns.acknowledgedP90'), (r) => round(r.calls?.acknowledgedP90 ?? null, 0), { chart: false }),
      c('calls.escalated', t('columns.escalated'), (r) => r.calls?.escalated ?? null),
    ],
    identity: IDENTITY_RESULTS.map((k) => c(`identityChecks.${k}`, t(`identity.${k}`), (r) => r.identityChecks[k])),
    documents: [c('documents.handovers', t('columns.handovers'), (r) => r.documents?.handovers ?? null), c('documents.pages', t('columns.pages'), (r) => r.documents?.pages ?? null)],
    incidents: INCIDENT_CATEGORIES.map((k) => c(`incidents.${k}`, t(`incidents.${k}`), (r) => r.incidents?.[k] ?? null)),
    interpreting: interpretingLanguages.map((l) => c(`interpreting.${l}`, t('interpretingPrefix', { language: languageName(l) }), (r) => r.interpreting[l] ?? 0)),
    feedback: [
      c('feedback.count', t('columns.feedbackCount'), (r) => r.feedback?.count ?? null, { chart: false }),
      c('feedback.mean', t('columns.feedbackMean'), (r) => round(r.feedback?.mean ?? null, 2), { decimals: 2, chart: false }),
      ...[1, 2, 3, 4, 5].map((s) => c(`feedback.score${s}`, t('columns.score', { score: s }), (r) => r.feedback?.distribution[s - 1] ?? null)),
    ],
    time: TIME_TASKS.map((k) => c(`time.${k}`, t(`tasks.${k}`), (r) => r.time?.[k] ?? null)),
  };
  /** A group no row has (calls when grouped by agency, say) is left out rather than shown empty. */
  const available: Record<MeasureGroup, (r: StatisticsRow) => boolean> = {
    bookings: () => true,
    meetings: () => true,
    capacity: () => true,
    times: () => true,
    outcomes: () => true,
    calls: (r) => r.calls !== null,
    identity: () => true,
    documents: (r) => r.documents !== null,
    incidents: (r) => r.incidents !== null,
    interpreting: () => interpretingLanguages.length > 0,
    feedback: (r) => r.feedback !== null,
    time: (r) => r.time !== null,
  };
  return groups
    .filter((g) => rows.length === 0 || rows.some(available[g]))
    .map((g) => ({ group: g, label: t(`groups.${g}`), columns: all[g] }))
    .filter((g) => g.columns.length > 0);
}

/** A cell as text: numbers the Finnish/Swedish way with a decimal comma when the language is not English. */
export function cellText(v: Cell, column: Pick<Column, 'percent' | 'decimals'>, lang: string, none = '–'): string {
  if (v === null) return none;
  if (typeof v === 'string') return v;
  const locale = lang === 'en' ? 'en-GB' : `${lang}-FI`;
  if (column.percent) return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: column.decimals ?? 1 }).format(v);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: column.decimals ?? 2, useGrouping: false }).format(v);
}
