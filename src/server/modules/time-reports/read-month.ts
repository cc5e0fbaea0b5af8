import type { MonthView } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { directoryRepository } from '../directory/repository.js';
import { findActivities } from './activity-repository.js';
import { helsinkiDay, instantRange, monthDays } from './days.js';
import { tally } from './present.js';
import { timeRepository as repo } from './repository.js';

/**
 * The point manager's month: minutes per advisor, per task, per agency, the month's state, and the gaps — days on
 * which an advisor did something the system saw but recorded no time.
 */
export async function readMonth(ctx: AppContext, actor: UserActor, servicePointId: string, month: string): Promise<MonthView> {
  authorize(actor, 'time-report:read', { servicePointId });
  if (!(await directoryRepository.servicePointById(ctx.db, servicePointId))) throw notFound('Service point');
  const { from, to } = monthDays(month);
  const entries = await repo.list(ctx.db, { from, to, scope: { all: true }, servicePointIds: [servicePointId] });
  const advisors = await repo.advisorsAt(ctx.db, servicePointId);
  const names = await repo.userNames(ctx.db, [...advisors.map((a) => a.id), ...entries.map((e) => e.userId)]);
  const userIds = [...names.keys()];
  const { start, end } = instantRange(from, to);
  const activities = await findActivities(ctx.db, { userIds, start, end, servicePointId });

  const minutesByTask: Record<string, number> = {};
  const minutesByAgency: Record<string, number> = {};
  const perUser = new Map<string, { minutes: number; minutesByTask: Record<string, number> }>(userIds.map((id) => [id, { minutes: 0, minutesByTask: {} }]));
  const recordedDays = new Set<string>();
  for (const e of entries) {
    tally(minutesByTask, e.task, e.minutes);
    tally(minutesByAgency, e.agencyId ?? 'none', e.minutes);
    const u = perUser.get(e.userId)!;
    u.minutes += e.minutes;
    tally(u.minutesByTask, e.task, e.minutes);
    recordedDays.add(`${e.userId}:${e.date}`);
  }
  const activeDays = new Map<string, number>();
  for (const a of activities) {
    const key = `${a.userId}:${helsinkiDay(a.start)}`;
    activeDays.set(key, (activeDays.get(key) ?? 0) + 1);
  }
  const gaps = [...activeDays.entries()]
    .filter(([key]) => !recordedDays.has(key))
    .map(([key, activities]) => ({ userId: key.slice(0, 36), date: key.slice(37), activities }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.userId.localeCompare(b.userId));

  const row = await repo.month(ctx.db, servicePointId, month);
  const people = await repo.userNames(ctx.db, [row?.submittedBy, row?.decidedBy].filter((v): v is string => !!v));
  return {
    servicePointId,
    month,
    status: row?.status ?? 'open',
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    submittedBy: row?.submittedBy ? (people.get(row.submittedBy) ?? null) : null,
    decidedAt: row?.decidedAt?.toISOString() ?? null,
    decidedBy: row?.decidedBy ? (people.get(row.decidedBy) ?? null) : null,
    comment: row?.comment ?? null,
    totalMinutes: entries.reduce((s, e) => s + e.minutes, 0),
    byAdvisor: [...perUser.entries()]
      .map(([userId, u]) => ({ userId, name: names.get(userId) ?? '', ...u }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
    minutesByTask,
    minutesByAgency,
    gaps,
  };
}
