import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bookingChannel } from './scheduling.js';

/** The Helsinki hours of a day: the rollup keeps the booked minutes of the bookings starting in each (m0…m23). */
export const DAY_HOURS = Array.from({ length: 24 }, (_, h) => h);

const hourColumns = Object.fromEntries(DAY_HOURS.map((h) => [`m${h}`, doublePrecision(`m${h}`).notNull().default(0)])) as Record<
  `m${number}`,
  ReturnType<typeof doublePrecision>
>;

/** The columns of a rollup cell, in both layers (days and months). */
const cellColumns = () => ({
  servicePointId: uuid('service_point_id').notNull(),
  day: date('day').notNull(),
  agencyId: uuid('agency_id').notNull(),
  fine: boolean('fine').notNull(),
  serviceId: uuid('service_id'),
  channel: bookingChannel('channel'),
  language: text('language'),
  /** '' for bookings without interpreting. */
  interpretingLanguage: text('interpreting_language').notNull(),
  bookings: integer('bookings').notNull(),
  onSite: integer('on_site').notNull(),
  agencyPhone: integer('agency_phone').notNull(),
  servicePointPhone: integer('service_point_phone').notNull(),
  online: integer('online').notNull(),
  cancellations: integer('cancellations').notNull(),
  cancelledByAgency: integer('cancelled_by_agency').notNull(),
  cancelledByServicePoint: integer('cancelled_by_service_point').notNull(),
  cancelledByCustomer: integer('cancelled_by_customer').notNull(),
  cancelledBySystem: integer('cancelled_by_system').notNull(),
  cancelledByOther: integer('cancelled_by_other').notNull(),
  noShows: integer('no_shows').notNull(),
  walkIns: integer('walk_ins').notNull(),
  meetings: integer('meetings').notNull(),
  interpreted: integer('interpreted').notNull(),
  bookedMinutes: doublePrecision('booked_minutes').notNull(),
  /** Bit h set when a booking (cancelled ones too) starts in Helsinki hour h: the heat map's cells. */
  hours: integer('hours').notNull(),
  ...hourColumns,
  /** The meetings of the cell's bookings by outcome (migration 0020). */
  completed: integer('completed').notNull().default(0),
  customerLeft: integer('customer_left').notNull().default(0),
  technicalFailure: integer('technical_failure').notNull().default(0),
  referredElsewhere: integer('referred_elsewhere').notNull().default(0),
  /** The identity checks of the cell's bookings by result (migration 0020). */
  identityVerified: integer('identity_verified').notNull().default(0),
  identityNotVerified: integer('identity_not_verified').notNull().default(0),
  identityCancelled: integer('identity_cancelled').notNull().default(0),
  /**
   * Every wait (first check-in → admission) and duration (admission → end) of the cell's meetings in minutes:
   * the values themselves, so that `percentile_cont` over a period's cells gives exactly the base tables' answer.
   */
  waits: doublePrecision('waits').array().notNull().default(sql`'{}'::double precision[]`),
  durations: doublePrecision('durations').array().notNull().default(sql`'{}'::double precision[]`),
});

/**
 * The statistics rollup (docs/statistics.md): per Helsinki day, service point and agency (`fine = false`), and also per
 * service, channel and language (`fine = true`), the counts and sums of the bookings starting that day. Derived
 * from `bookings` (and the cancelling `booking_events`) by the `statistics.refresh` job; never written otherwise.
 * Days after `statistics_rollup_state.through`, and days marked in `statistics_dirty_days`, are counted live instead.
 */
export const statisticsDays = pgTable(
  'statistics_days',
  cellColumns(),
  (t) => [
    unique('statistics_days_cell_key')
      .on(t.servicePointId, t.day, t.agencyId, t.fine, t.serviceId, t.channel, t.language, t.interpretingLanguage)
      .nullsNotDistinct(),
    index('statistics_days_day_idx').on(t.day, t.fine),
  ],
);

/**
 * Days of a point whose bookings changed after the rollup may have counted them: written by a trigger on `bookings`
 * (migration 0017) in the writing transaction, append-only (no lock between writers), removed by the refresh.
 */
export const statisticsDirtyDays = pgTable(
  'statistics_dirty_days',
  {
    day: date('day').notNull(),
    servicePointId: uuid('service_point_id').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('statistics_dirty_days_idx').on(t.day, t.servicePointId)],
);

/** One row: the rollup holds every day up to `through` (null: none yet). */
export const statisticsRollupState = pgTable('statistics_rollup_state', {
  id: integer('id').primaryKey().default(1),
  through: date('through'),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
});

/** The n-th (1…5) occurrence of a weekday in a month: the month rows keep the meetings held on each (the weekly series). */
export const MONTH_OCCURRENCES = [1, 2, 3, 4, 5];

/**
 * The month layer of the rollup (migration 0019, docs/statistics.md): the day rows of one Helsinki month summed per
 * weekday, with the same key otherwise; `day` is the month's first date with that weekday, and `meetings1`…`meetings5`
 * the meetings held on its first…fifth occurrence (null: no booking that day). Written by the refresh from `statistics_days` for the whole months
 * it holds (and again when a day of the month at that point is recounted); a month of a point with a day marked dirty
 * is read from the days instead.
 */
export const statisticsMonths = pgTable(
  'statistics_months',
  {
    ...cellColumns(),
    ...(Object.fromEntries(MONTH_OCCURRENCES.map((n) => [`meetings${n}`, integer(`meetings${n}`)])) as Record<`meetings${number}`, ReturnType<typeof integer>>),
  },
  (t) => [
    unique('statistics_months_cell_key')
      .on(t.servicePointId, t.day, t.agencyId, t.fine, t.serviceId, t.channel, t.language, t.interpretingLanguage)
      .nullsNotDistinct(),
    index('statistics_months_day_idx').on(t.day, t.fine),
  ],
);
