import type { ServicePointView } from '../../../shared/directory.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { presentTerminal } from '../terminals/present.js';
import { terminalRepository } from '../terminals/repository.js';
import { presentRoom, presentServicePoint } from './present.js';
import { directoryRepository } from './repository.js';

/** Service points with their week and rooms; devices only for viewers who may see them. */
export async function loadServicePointViews(db: Db, opts: { ids?: string[]; withTerminals: boolean }): Promise<ServicePointView[]> {
  const points = await directoryRepository.listServicePoints(db, opts.ids);
  const ids = points.map((p) => p.id);
  // Sequential on purpose: inside a transaction these share one connection.
  const hours = await directoryRepository.openingHoursOf(db, ids);
  const rooms = await directoryRepository.roomsOf(db, ids);
  const terminals = opts.withTerminals ? await terminalRepository.listForRooms(db, rooms.map((r) => r.id)) : [];
  return points.map((p) =>
    presentServicePoint(
      p,
      hours.filter((h) => h.servicePointId === p.id),
      rooms
        .filter((r) => r.servicePointId === p.id)
        .map((r) => presentRoom(r, opts.withTerminals ? terminals.filter((t) => t.roomId === r.id).map(presentTerminal) : undefined)),
    ),
  );
}

export function listServicePoints(ctx: AppContext, withTerminals: boolean): Promise<ServicePointView[]> {
  return loadServicePointViews(ctx.db, { withTerminals });
}

export async function getServicePoint(ctx: AppContext, id: string, withTerminals: boolean): Promise<ServicePointView> {
  const [view] = await loadServicePointViews(ctx.db, { ids: [id], withTerminals });
  if (!view) throw notFound('Service point');
  return view;
}
