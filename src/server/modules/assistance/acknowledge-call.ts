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

/**
 * "I'm coming": the first advisor to acknowledge takes the call, atomically; anyone after gets 409 naming who
 * took it. The kiosk then shows that an advisor is coming, the other desks who it is.
 */
export async function acknowledgeCall(ctx: AppContext, actor: UserActor, callId: string, ip?: string): Promise<CallView> {
  const { call, organisationId } = await loadCall(ctx, actor, callId);
  authorize(actor, 'call:acknowledge', { servicePointId: call.servicePointId });
  const now = new Date();
  const taken = await ctx.db.transaction(async (tx) => {
    const row = await callRepository.acknowledge(tx, callId, actor.userId, now);
    if (!row && call.status === 'acknowledged' && call.acknowledgedBy === actor.userId) return row;
    await recordAudit(
      tx,
      actor,
      {
        action: 'call.acknowledged',
        outcome: row ? 'success' : 'failure',
        targetType: 'call',
        targetId: callId,
        organisationId,
        details: row ? { waitedSeconds: Math.round((now.getTime() - call.createdAt.getTime()) / 1000) } : { reason: 'not-open' },
      },
      ip,
    );
    return row;
  });
  const latest = (await callRepository.byId(ctx.db, callId))!;
  if (!taken) {
    // A double tap by the advisor who already took it is not a conflict.
    if (latest.call.status === 'acknowledged' && latest.call.acknowledgedBy === actor.userId) return presentCall(latest);
    if (latest.call.status === 'closed') throw conflict('call.closed', 'The call has been closed');
    throw conflict('call.already_acknowledged', `${latest.acknowledgedByName ?? 'Another advisor'} is already on the way`);
  }
  await assistanceEvents.callChanged(ctx, latest.call);
  return presentCall(latest);
}
