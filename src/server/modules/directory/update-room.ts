import type { z } from 'zod';
import type { RoomView, roomPatch } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { presentTerminal } from '../terminals/present.js';
import { terminalRepository } from '../terminals/repository.js';
import { presentRoom } from './present.js';
import { directoryRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';

export async function updateRoom(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof roomPatch>,
  opts: { withTerminals: boolean; ip?: string },
): Promise<RoomView> {
  const result = await ctx.db.transaction(async (tx) => {
    const before = await directoryRepository.roomById(tx, id);
    if (!before) throw notFound('Room');
    const room = (await directoryRepository.updateRoom(tx, id, patch))!;
    const point = await directoryRepository.servicePointById(tx, room.servicePointId);
    await recordAudit(
      tx,
      actor,
      { action: 'room.updated', targetType: 'room', targetId: id, organisationId: point?.organisationId, details: { fields: Object.keys(patch) } },
      opts.ip,
    );
    const terminals = opts.withTerminals ? (await terminalRepository.listForRooms(tx, [id])).map(presentTerminal) : undefined;
    return presentRoom(room, terminals);
  });
  // The point's active rooms are in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
