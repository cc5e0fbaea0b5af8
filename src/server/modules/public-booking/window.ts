import { HttpProblem } from '../../http/problem.js';

type OnlineService = { onlineNoticeMinutes: number; onlineHorizonDays: number };

/** The service's own online window: no sooner than its notice, no further than its horizon (besides the general rules). */
export function onlineWindow(service: OnlineService, now: Date) {
  return { earliest: now.getTime() + service.onlineNoticeMinutes * 60_000, latest: now.getTime() + service.onlineHorizonDays * 86_400_000 };
}

export function assertInOnlineWindow(service: OnlineService, start: Date, now: Date) {
  const { earliest, latest } = onlineWindow(service, now);
  if (start.getTime() < earliest) throw new HttpProblem(422, 'booking.too_soon', 'Unprocessable content', 'The start is sooner than online booking allows for this service');
  if (start.getTime() > latest) throw new HttpProblem(422, 'booking.beyond_horizon', 'Unprocessable content', 'The start is further ahead than online booking allows for this service');
}
