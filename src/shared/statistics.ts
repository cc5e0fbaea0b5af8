import { z } from 'zod';
import { LANGUAGES } from './common.js';
import { BOOKING_CHANNELS } from './scheduling.js';

export { BOOKING_CHANNELS };
import { TIME_TASKS } from './time-reports.js';

/**
 * Statistics of the remote service (issue 14): pseudonymous aggregates, no names. `from`/`to` are Helsinki days,
 * inclusive. One row per group; the page, the CSV and the XLSX show the same JSON.
 */

export const STATISTICS_GROUPS = ['agency', 'servicePoint', 'service', 'channel', 'language', 'week'] as const;
export type StatisticsGroupBy = (typeof STATISTICS_GROUPS)[number];
export const MEASURE_GROUPS = ['bookings', 'meetings', 'capacity', 'times', 'outcomes', 'calls', 'identity', 'documents', 'incidents', 'interpreting', 'feedback', 'time'] as const;
export type MeasureGroup = (typeof MEASURE_GROUPS)[number];
export const STATISTICS_FORMATS = ['json', 'csv', 'xlsx'] as const;
/** Who cancelled: the booking agency's staff, the service point (advisor), the customer online, the system (no user), or anyone else. */
export const CANCELLERS = ['agency', 'servicePoint', 'customer', 'system', 'other'] as const;
export const OUTCOMES = ['completed', 'customer-left', 'technical-failure', 'referred-elsewhere'] as const;
export const INCIDENT_CATEGORIES = ['video', 'audio', 'network', 'terminal', 'document-camera', 'other'] as const;
export const IDENTITY_RESULTS = ['verified', 'notVerified', 'cancelled'] as const;
/** The pilot of the agreement: 1.9.2025–27.2.2026. */
export const PILOT_PERIOD = { from: '2025-09-01', to: '2026-02-27' } as const;
/** The longest period one request may cover. */
export const MAX_STATISTICS_DAYS = 800;

/** A cell counting 1–4 people is shown as this, never as the number (pseudonymity). */
export const SUPPRESSED = '< 5';
/** A count of people: a number, or suppressed. */
export const peopleCount = z.union([z.number().int(), z.literal(SUPPRESSED)]);
export type PeopleCount = z.infer<typeof peopleCount>;
/** A statistic over people (a median, a mean): null when there is nobody, suppressed when 1–4. */
export const peopleFigure = z.union([z.number(), z.literal(SUPPRESSED)]).nullable();
export type PeopleFigure = z.infer<typeof peopleFigure>;

const isoDate = z.iso.date();
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const statisticsQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    groupBy: z.enum(STATISTICS_GROUPS).default('agency'),
    servicePointId: z.uuid().optional(),
    agencyId: z.uuid().optional(),
    serviceId: z.uuid().optional(),
    channel: z.enum(BOOKING_CHANNELS).optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[a-z]{2,8})?$/).optional(),
    interpreting: boolParam.optional(),
    /** For the exports: the measure groups on screen, comma-separated (all when absent). */
    measures: z
      .string()
      .regex(/^[a-z]+(,[a-z]+)*$/)
      .transform((v) => v.split(','))
      .pipe(z.array(z.enum(MEASURE_GROUPS)))
      .optional(),
    format: z.enum(STATISTICS_FORMATS).default('json'),
    lang: z.enum(LANGUAGES).default('fi'),
  })
  .refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_STATISTICS_DAYS, { message: `at most ${MAX_STATISTICS_DAYS} days`, path: ['to'] });
export type StatisticsQuery = z.output<typeof statisticsQuery>;

const counts = <K extends readonly [string, ...string[]], V extends z.ZodType>(keys: K, value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K[number]]: V });

export const statisticsRow = z.object({
  group: z.object({ id: z.string(), name: z.string() }),
  /** Appointments starting in the period, cancelled ones included (never suppressed). */
  bookings: z.number().int(),
  bookingsByChannel: counts(BOOKING_CHANNELS, z.number().int()),
  cancellations: z.number().int(),
  cancellationsBy: counts(CANCELLERS, z.number().int()),
  noShows: peopleCount,
  walkIns: peopleCount,
  /** Walk-in customers who joined the queue and left it (taken off the queue) before an expert took them. */
  walkInsLeft: peopleCount,
  /** Meetings held: bookings of the period that reached the meeting (in meeting or completed). */
  meetings: peopleCount,
  /** Booked minutes (not cancelled) / open minutes of the rooms in scope; null when the grouping has no rooms of its own. */
  capacity: z.object({ bookedMinutes: z.number().int(), openMinutes: z.number().int(), share: z.number().nullable() }),
  /** Check-in to admission, minutes. */
  waiting: z.object({ count: peopleCount, median: peopleFigure, p90: peopleFigure }),
  /** Admission to end, minutes. */
  duration: z.object({ count: peopleCount, median: peopleFigure }),
  outcomes: counts(OUTCOMES, peopleCount),
  identityChecks: counts(IDENTITY_RESULTS, peopleCount),
  /** Handovers sent (not drafts) and their pages; null when the grouping or a filter is not known for them. */
  documents: z.object({ handovers: peopleCount, pages: peopleCount }).nullable(),
  incidents: counts(INCIDENT_CATEGORIES, z.number().int()).nullable(),
  /** Bookings with an interpreter, by interpreting language. */
  interpreting: z.record(z.string(), peopleCount),
  /** Calls for help in the room: they belong to no agency, service or channel (null then). Seconds to acknowledge. */
  calls: z.object({ count: peopleCount, acknowledgedMedian: peopleFigure, acknowledgedP90: peopleFigure, escalated: peopleCount }).nullable(),
  /** The terminal's five-face answers (mean 1–5, and how many gave each score). */
  feedback: z.object({ count: peopleCount, mean: peopleFigure, distribution: z.array(peopleCount).length(5) }).nullable(),
  /** Advisors' recorded minutes per task (time reports). */
  time: counts(TIME_TASKS, z.number().int()).nullable(),
});
export type StatisticsRow = z.infer<typeof statisticsRow>;

export const statisticsView = z.object({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(STATISTICS_GROUPS),
  rows: z.array(statisticsRow),
  /** Meetings held per Helsinki week (its Monday) and agency: the time series chart. */
  weekly: z.array(z.object({ week: z.string(), agency: z.object({ id: z.string(), name: z.string() }), meetings: peopleCount })),
  /** The rooms' use by ISO weekday (1 = Monday) and Helsinki hour: the heat map. Share null when the rooms are closed. */
  capacityByHour: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), bookedMinutes: z.number().int(), openMinutes: z.number().int(), share: z.number().nullable() })),
});
export type StatisticsView = z.infer<typeof statisticsView>;

/** The ISO week number and its year of a Monday 'YYYY-MM-DD' (the week groups' ids). */
export function isoWeek(monday: string): { week: number; year: number } {
  const day = 86_400_000;
  const d = Date.parse(`${monday}T00:00:00Z`);
  const year = new Date(d + 3 * day).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * day;
  return { week: 1 + Math.round((d - firstMonday) / (7 * day)), year };
}
