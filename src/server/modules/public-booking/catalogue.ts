import { type PublicServicePointView, type PublicServiceView, publicServicePointView } from '../../../shared/public-booking.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { agreementsAtPoint, isDelegated } from '../agreements/delegation.js';
import { addDays, localDate } from '../scheduling/time.js';
import { publicBookingRepository as repo } from './repository.js';

type PointRow = NonNullable<Awaited<ReturnType<typeof repo.servicePoint>>>;

export const presentPublicPoint = (p: PointRow): PublicServicePointView => publicServicePointView.parse(p);

export async function listPublicServicePoints(ctx: AppContext): Promise<PublicServicePointView[]> {
  return (await repo.activeServicePoints(ctx.db)).map(presentPublicPoint);
}

/**
 * The services a customer can book online at the point: enabled by their agency admin, and of an agency that an
 * agreement delegates booking to the point on some day of the service's online window (the same rule as availability).
 */
export async function listPublicServices(ctx: AppContext, servicePointId: string, now = new Date()): Promise<PublicServiceView[]> {
  const point = await repo.servicePoint(ctx.db, servicePointId);
  if (!point || !point.active) throw notFound('Service point');
  const [rows, agreements] = await Promise.all([repo.onlineServices(ctx.db), agreementsAtPoint(ctx.db, servicePointId)]);
  const today = localDate(now, point.timeZone);
  const delegatedWithin = (agencyId: string, days: number) => {
    for (let i = 0; i <= days; i++) if (isDelegated(agreements, servicePointId, agencyId, 'booking', addDays(today, i))) return true;
    return false;
  };
  return rows
    .filter(({ service }) => delegatedWithin(service.agencyId, Math.min(service.onlineHorizonDays, 366)))
    .map(({ service, agencyName }) => ({
      id: service.id,
      agencyId: service.agencyId,
      agencyName,
      name: service.name,
      durationMinutes: service.durationMinutes,
      languages: service.languages,
      interpretingPossible: service.interpretingPossible,
      noticeMinutes: service.onlineNoticeMinutes,
      horizonDays: service.onlineHorizonDays,
    }));
}

/** The service, when it is open for online booking and belongs to the agency; otherwise it does not exist here. */
export async function onlineService(ctx: AppContext, q: { serviceId: string; agencyId: string }) {
  const [row] = await repo.onlineServices(ctx.db, q.serviceId);
  if (!row || row.service.agencyId !== q.agencyId) throw notFound('Service');
  return row.service;
}
