import type { SourceRef, SuggestionView } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/problem.js';
import { type Activity, findActivities } from './activity-repository.js';
import { helsinkiDay, instantRange, minutesBetween } from './days.js';
import { timeRepository as repo } from './repository.js';

/** A suggested entry: measured minutes where the events give an end, else the configured standard time. */
export function suggestionOf(config: Config, a: Activity): SuggestionView {
  const measured = a.end !== null;
  const minutes = measured ? Math.min(minutesBetween(a.start, a.end!), config.timeMeasuredMaxMinutes) : config.timeStandardMinutes[a.ref.kind];
  return { source: a.ref, date: helsinkiDay(a.start), at: a.start.toISOString(), minutes, measured, task: a.task, agencyId: a.agencyId, servicePointId: a.servicePointId, what: a.what };
}

/** The advisor's suggestions for [from, to]: what they did that is neither recorded nor discarded yet. */
export async function listSuggestions(ctx: AppContext, actor: UserActor, q: { from: string; to: string }): Promise<SuggestionView[]> {
  const { start, end } = instantRange(q.from, q.to);
  const activities = await findActivities(ctx.db, { userIds: [actor.userId], start, end });
  const taken = await repo.sourcesTaken(ctx.db, activities.map((a) => a.ref));
  return activities.filter((a) => !taken.has(`${a.ref.kind}:${a.ref.id}`)).map((a) => suggestionOf(ctx.config, a));
}

/** The actor's own activity behind a source, or 404: nobody accepts or discards someone else's work. */
export async function ownActivity(db: Db, actor: UserActor, ref: SourceRef): Promise<Activity> {
  const [activity] = await findActivities(db, { userIds: [actor.userId], start: new Date('2000-01-01T00:00:00Z'), end: new Date('9999-01-01T00:00:00Z'), ref });
  if (!activity) throw notFound('Activity');
  return activity;
}
