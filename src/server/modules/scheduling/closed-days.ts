import type { ClosedDay } from '../../../shared/scheduling.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { catalogueRepository } from './catalogue-repository.js';
import { holidayNamesOn } from './holidays.js';
import { schedulingRepository } from './repository.js';
import { eachDate } from './time.js';

/**
 * The days the point is closed between `from` and `to` (its own calendar days): public holidays and the admins'
 * closures, named, so every screen that shows opening status or days can say "Closed: Independence Day".
 */
export async function closedDays(ctx: AppContext, servicePointId: string, from: string, to: string): Promise<ClosedDay[]> {
  if (!(await schedulingRepository.servicePoint(ctx.db, servicePointId))) throw notFound('Service point');
  const closures = await catalogueRepository.listClosures(ctx.db, [servicePointId]);
  const out: ClosedDay[] = [];
  for (const date of eachDate(from, to)) {
    const holiday = holidayNamesOn(date);
    if (holiday) {
      out.push({ date, kind: 'holiday', name: holiday });
      continue;
    }
    const closure = closures.find((c) => c.startsOn <= date && date <= c.endsOn);
    // The reason is the admin's own words, in one language: shown as written in every UI language.
    if (closure) out.push({ date, kind: 'closure', name: { fi: closure.reason, sv: closure.reason, en: closure.reason } });
  }
  return out;
}
