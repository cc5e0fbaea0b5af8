import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Selection, openDays } from './sources.js';

export type OpenHourFigures = { weekday: number; hour: number; open_minutes: number };

/**
 * Open minutes of the rooms in view by ISO weekday and Helsinki hour (the heat map's denominator), as in the
 * capacity: the open days are summed by weekday and opening hours first, then spread over the hours they cover.
 */
export async function openMinutesByHour(db: Db, q: Selection, holidays: string[]): Promise<OpenHourFigures[]> {
  const result = (await db.execute(sql`SELECT o.weekday, h.hour,
      sum(o.rooms * (least(o.closes, (h.hour + 1) * 60) - greatest(o.opens, h.hour * 60)))::float8 AS open_minutes
    FROM (SELECT d.weekday, extract(epoch FROM d.opens) / 60 AS opens, extract(epoch FROM d.closes) / 60 AS closes, sum(d.n * d.rooms) AS rooms
      FROM (${openDays(q, holidays)}) d GROUP BY 1, 2, 3 HAVING sum(d.n) > 0) o
    CROSS JOIN LATERAL generate_series(floor(o.opens / 60)::int, ceil(o.closes / 60)::int - 1) h(hour)
    GROUP BY 1, 2 ORDER BY 1, 2`)) as unknown as { rows: OpenHourFigures[] };
  return result.rows;
}
