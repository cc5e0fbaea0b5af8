import { sql } from 'drizzle-orm';
import type { Language } from '../../../shared/common.js';
import { type StatisticsGroupBy, type StatisticsQuery, type StatisticsView, isoWeek } from '../../../shared/statistics.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize, statisticsScope, statisticsTimeScope } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { holidayOn } from '../scheduling/holidays.js';
import { eachDate } from '../scheduling/time.js';
import { instantRange } from '../time-reports/days.js';
import { type OpenHourFigures, openMinutesByHour } from './charts-repository.js';
import { languageNamer, translator } from './labels.js';
import { presentRows } from './present.js';
import * as repo from './repository.js';
import type { BookingFigures } from './repository.js';
import { rollupThrough } from './rollup-repository.js';
import { rolledBookingFigures, rolledMeetingFigures } from './rollup-read.js';
import type { Selection } from './sources.js';
import { protectView } from './suppress.js';

const NAMED_TABLES = { agency: 'organisations', servicePoint: 'service_points', service: 'services' } as const;

/** The groups' names in the asker's language: agencies, points and services from the database, the rest from words. */
async function namesOf(ctx: AppContext, groupBy: StatisticsGroupBy, ids: string[], lang: Language): Promise<Map<string, string>> {
  if (groupBy === 'agency' || groupBy === 'servicePoint' || groupBy === 'service') return repo.groupNames(ctx.db, NAMED_TABLES[groupBy], ids, lang);
  const t = translator(lang);
  const languageName = languageNamer(lang);
  const name = (id: string) => (groupBy === 'channel' ? t(`channels.${id}`) : groupBy === 'language' ? languageName(id) : t('week', isoWeek(id)));
  return new Map(ids.map((id) => [id, name(id)]));
}

/** Booked over open minutes per weekday and hour; hours with bookings but no opening time show no share. */
function heatMap(booked: BookingFigures[], open: OpenHourFigures[]): StatisticsView['capacityByHour'] {
  const cells = new Map<string, { weekday: number; hour: number; booked: number; open: number }>();
  const cell = (weekday: number, hour: number) => {
    const id = `${weekday}:${hour}`;
    if (!cells.has(id)) cells.set(id, { weekday, hour, booked: 0, open: 0 });
    return cells.get(id)!;
  };
  for (const b of booked) cell(b.weekday!, b.hour!).booked += b.booked_minutes;
  for (const o of open) cell(o.weekday, o.hour).open += o.open_minutes;
  return [...cells.values()]
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour)
    .map((c) => ({ weekday: c.weekday, hour: c.hour, bookedMinutes: Math.round(c.booked), openMinutes: Math.round(c.open), share: c.open > 0 ? c.booked / c.open : null }));
}

/**
 * Statistics for a period and filters, as the actor may see them (issue 14): the policy checks the agency and point
 * asked for, the scope goes into every query. Each measure is one aggregate query; nothing is counted in Node.
 */
export async function buildStatistics(
  ctx: AppContext,
  actor: UserActor,
  query: Omit<StatisticsQuery, 'format'>,
  /**
   * Bookings through the rollup (and live for the days it does not hold), or every day counted live from the bookings
   * by the same cell definition (the reference the rollup's tests compare with).
   */
  path: 'rollup' | 'live' = 'rollup',
): Promise<StatisticsView> {
  // Pseudonymity is decided here, once, for the JSON, the page and the exports alike.
  return protectView(await countStatistics(ctx, actor, query, path));
}

/** The same figures before any is hidden: never sent anywhere (the tests compare the hidden cells with them). */
export async function countStatistics(ctx: AppContext, actor: UserActor, query: Omit<StatisticsQuery, 'format'>, path: 'rollup' | 'live' = 'rollup'): Promise<StatisticsView> {
  authorize(actor, 'statistics:read', { organisationId: query.agencyId, servicePointId: query.servicePointId });
  const { from, to, lang, ...filters } = query;
  const { start, end } = instantRange(from, to);
  const q: Selection = { ...filters, start, end, fromDay: from, toDay: to, scope: statisticsScope(actor) };
  const holidays = eachDate(from, to).filter((d) => holidayOn(d));
  // One snapshot for every figure (they add up), and room to hash a year's groups in memory rather than sort on disk.
  // No JIT: compiling a year's aggregates took longer (1.4 s on the bench at load 15) than the plain plan saves.
  const { figures, openHours } = await ctx.db.transaction(
    async (db) => {
      await db.execute(sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
      const through = path === 'rollup' ? await rollupThrough(db) : null;
      const rolled = await rolledBookingFigures(db, q, through);
      // The meetings' measures and identity checks through the rollup too; the 'live' path keeps the base tables' queries as the reference.
      const met = path === 'rollup' ? await rolledMeetingFigures(db, q, through) : null;
      const figures = {
        bookings: rolled?.bookings ?? null,
        cancellers: rolled?.cancellers ?? null,
        walkIns: await repo.walkInFigures(db, q),
        meetings: path === 'rollup' ? (met?.meetings ?? null) : await repo.meetingFigures(db, q),
        identity: path === 'rollup' ? (met?.identity ?? null) : await repo.identityFigures(db, q),
        documents: await repo.documentFigures(db, q),
        incidents: await repo.incidentFigures(db, q),
        calls: await repo.callFigures(db, q),
        feedback: await repo.feedbackFigures(db, q),
        // Advisors' time only as far as `time-entry:read` allows (experts and auditors: none; then not shown).
        time: await repo.timeFigures(db, { ...q, scope: statisticsTimeScope(actor) }),
        open: await repo.openMinutes(db, q, holidays),
      };
      return { figures, openHours: await openMinutesByHour(db, q, holidays) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const weekly = (figures.bookings ?? []).filter((r) => r.set === 'week').sort((a, b) => a.week!.localeCompare(b.week!) || String(a.agency_id).localeCompare(String(b.agency_id)));
  const booked = (figures.bookings ?? []).filter((r) => r.set === 'hour');
  figures.bookings = figures.bookings?.filter((r) => r.set === 'row') ?? null;
  const groupIds = [...new Set([...Object.values(figures).flatMap((rows) => (rows ?? []).map((r) => r.k)), ...figures.open.map((o) => o.k)])].filter((k): k is string => !!k);
  const names = await namesOf(ctx, query.groupBy, groupIds, lang);
  const agencyNames = await namesOf(ctx, 'agency', [...new Set(weekly.map((w) => w.agency_id!))], lang);
  const rows = presentRows(figures, names).sort((a, b) => (query.groupBy === 'week' ? a.group.id.localeCompare(b.group.id) : a.group.name.localeCompare(b.group.name, lang)));
  return {
    from,
    to,
    groupBy: query.groupBy,
    rows,
    weekly: weekly.map((w) => ({ week: w.week!, agency: { id: w.agency_id!, name: agencyNames.get(w.agency_id!) ?? w.agency_id! }, meetings: w.meetings })),
    capacityByHour: heatMap(booked, openHours),
  };
}
