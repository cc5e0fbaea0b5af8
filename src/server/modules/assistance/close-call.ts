import type { CallView } from '../../../shared/assistance.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { assistanceEvents } from './events.js';
import { loadCall } from './load.js';
import { presentCall } from './present.js';
import { callRepository } from './repository.js';

/** The advisor has helped (or the call was a mistake): closed, and the kiosk stops showing it. */
export async function closeCall(ctx: AppContext, actor: UserActor, callId: string, ip?: string): Promise<CallView> {
  const { call, organisationId } = await loadCall(ctx, actor, callId);
  authorize(actor, 'call:close', { servicePointId: call.servicePointId });
  const closed = await ctx.db.transaction(async (tx) => {
    const row = await callRepository.close(tx, callId, actor.userId, new Date());
    if (row) await recordAudit(tx, actor, { action: 'call.closed', targetType: 'call', targetId: callId, organisationId, details: { from: call.status } }, ip);
    return row;
  });
  if (!closed) throw conflict('call.closed', 'The call is already closed');
  await assistanceEvents.callChanged(ctx, closed);
  return presentCall((await callRepository.byId(ctx.db, callId))!);
}
