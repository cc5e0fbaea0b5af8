import type { IdentityCheckResultRequest, IdentityCheckView } from '../../../shared/assistance.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { type IdentityCheckRecord, identityCheckRepository } from './checks-repository.js';
import { assistanceEvents } from './events.js';
import { loadIdentityCheck } from './load.js';
import { presentIdentityCheck } from './present.js';

async function finish(ctx: AppContext, id: string): Promise<IdentityCheckView> {
  const record = (await identityCheckRepository.byId(ctx.db, id))!;
  await assistanceEvents.identityCheckChanged(ctx, record.check);
  return presentIdentityCheck(record);
}

function stateConflict(current: IdentityCheckRecord): never {
  const { status } = current.check;
  if (status === 'acknowledged') throw conflict('identity_check.already_acknowledged', `${current.acknowledgedByName ?? 'Another advisor'} is already on the way`);
  throw conflict(`identity_check.${status}`, `The identity check is ${status}`);
}

/** An advisor takes the request ("I'm coming"); the first one wins, atomically. */
export async function acknowledgeIdentityCheck(ctx: AppContext, actor: UserActor, id: string, ip?: string): Promise<IdentityCheckView> {
  const current = await loadIdentityCheck(ctx, actor, id);
  authorize(actor, 'identity-check:perform', { servicePointId: current.check.servicePointId });
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await identityCheckRepository.transition(tx, id, ['requested'], { status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: new Date() });
    if (updated) {
      await recordAudit(tx, actor, { action: 'identity_check.acknowledged', targetType: 'identity-check', targetId: id, organisationId: current.check.agencyId }, ip);
    }
    return updated;
  });
  if (!row) {
    const latest = (await identityCheckRepository.byId(ctx.db, id))!;
    // A double tap by the advisor who already took it is not a conflict.
    if (latest.check.status === 'acknowledged' && latest.check.acknowledgedBy === actor.userId) return presentIdentityCheck(latest);
    stateConflict(latest);
  }
  return finish(ctx, id);
}

/**
 * The advisor records what the expert needs: verified or not, the document type and whether the photo matched.
 * Nothing else can be recorded (the request schema is strict). Any advisor at the point may record it, also
 * without acknowledging first (she may be in the room already).
 */
export async function recordIdentityCheckResult(ctx: AppContext, actor: UserActor, id: string, result: IdentityCheckResultRequest, ip?: string): Promise<IdentityCheckView> {
  const current = await loadIdentityCheck(ctx, actor, id);
  authorize(actor, 'identity-check:perform', { servicePointId: current.check.servicePointId });
  const now = new Date();
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await identityCheckRepository.transition(tx, id, ['requested', 'acknowledged'], {
      status: 'completed',
      acknowledgedBy: current.check.acknowledgedBy ?? actor.userId,
      acknowledgedAt: current.check.acknowledgedAt ?? now,
      completedBy: actor.userId,
      completedAt: now,
      verified: result.verified,
      documentType: result.documentType ?? null,
      photoMatched: result.photoMatched ?? null,
    });
    if (updated) {
      await recordAudit(
        tx,
        actor,
        {
          action: 'identity_check.completed',
          targetType: 'identity-check',
          targetId: id,
          organisationId: current.check.agencyId,
          details: { bookingId: current.check.bookingId, verified: result.verified },
        },
        ip,
      );
    }
    return updated;
  });
  if (!row) stateConflict((await identityCheckRepository.byId(ctx.db, id))!);
  return finish(ctx, id);
}

/** The expert withdraws a request nobody has completed (asked by mistake, or the meeting ended). */
export async function cancelIdentityCheck(ctx: AppContext, actor: UserActor, id: string, ip?: string): Promise<IdentityCheckView> {
  const current = await loadIdentityCheck(ctx, actor, id);
  authorize(actor, 'identity-check:cancel', { servicePointId: current.check.servicePointId, organisationId: current.check.agencyId });
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await identityCheckRepository.transition(tx, id, ['requested', 'acknowledged'], { status: 'cancelled', cancelledAt: new Date() });
    if (updated) {
      await recordAudit(tx, actor, { action: 'identity_check.cancelled', targetType: 'identity-check', targetId: id, organisationId: current.check.agencyId }, ip);
    }
    return updated;
  });
  if (!row) stateConflict((await identityCheckRepository.byId(ctx.db, id))!);
  return finish(ctx, id);
}
