import type { z } from 'zod';
import type { RoomView, roomInput } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { presentRoom } from './present.js';
import { directoryRepository } from './repository.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';

export async function createRoom(
  ctx: AppContext,
  actor: Actor,
  servicePointId: string,
  input: z.output<typeof roomInput>,
  opts: { withTerminals: boolean; ip?: string },
): Promise<RoomView> {
  const result = await ctx.db.transaction(async (tx) => {
    const point = await directoryRepository.servicePointById(tx, servicePointId);
    if (!point) throw notFound('Service point');
    const room = await directoryRepository.createRoom(tx, { servicePointId, name: input.name });
    await recordAudit(tx, actor, { action: 'room.created', targetType: 'room', targetId: room.id, organisationId: point.organisationId, details: { servicePointId } }, opts.ip);
    return presentRoom(room, opts.withTerminals ? [] : undefined);
  });
  // The point's active rooms are in the availability catalogue.
  await catalogueChanged(ctx);
  return result;
}
