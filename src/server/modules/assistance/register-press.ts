import type { TerminalActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { auditRepository } from '../audit/repository.js';
import { assistanceEvents } from './events.js';
import { type CallRow, callRepository } from './repository.js';

export type PressOrigin =
  | { kind: 'button'; buttonId: string; via: 'http' | 'mqtt' }
  | { kind: 'terminal'; actor: TerminalActor };

export type Place = { roomId: string; servicePointId: string; organisationId: string };
export type PressResult = { call: CallRow; joined: boolean };

/**
 * A press in a room, from a button or the kiosk: joins the room's open call (or an acknowledged one pressed again
 * within CALL_JOIN_SECONDS) or opens a new one. The call is committed before the desks hear of it, so a desk that
 * was away finds it by reading. Simultaneous presses meet at the database's one-open-call-per-room index.
 */
export async function registerPress(ctx: AppContext, place: Place, origin: PressOrigin, ip?: string): Promise<PressResult> {
  const now = new Date();
  const joinAfter = new Date(now.getTime() - ctx.config.callJoinSeconds * 1000);
  const result = await ctx.db.transaction(async (tx) => {
    let outcome: PressResult | undefined;
    for (let attempt = 0; !outcome && attempt < 3; attempt++) {
      const existing = await callRepository.joinableForUpdate(tx, place.roomId, joinAfter);
      if (existing) {
        const call = await callRepository.update(tx, existing.id, { repeatCount: existing.repeatCount + 1, lastPressAt: now });
        outcome = { call, joined: true };
        break;
      }
      const created = await callRepository.insertOpen(tx, {
        roomId: place.roomId,
        servicePointId: place.servicePointId,
        source: origin.kind,
        buttonId: origin.kind === 'button' ? origin.buttonId : null,
        terminalId: origin.kind === 'terminal' ? origin.actor.terminalId : null,
        createdAt: now,
        lastPressAt: now,
        lastAlertAt: now,
      });
      // Undefined: another press opened the room's call a moment ago; the next round joins it.
      if (created) outcome = { call: created, joined: false };
    }
    if (!outcome) throw new Error('call press: no open call to join and none could be opened');
    if (origin.kind === 'button') await callRepository.updateButton(tx, origin.buttonId, { lastPressedAt: now });
    await auditPress(tx, origin, place, { outcome: 'success', targetType: 'call', targetId: outcome.call.id, details: pressDetails(origin, outcome) }, ip);
    return outcome;
  });
  await assistanceEvents.callChanged(ctx, result.call);
  return result;
}

function pressDetails(origin: PressOrigin, r: PressResult) {
  return {
    source: origin.kind,
    joined: r.joined,
    repeatCount: r.call.repeatCount,
    roomId: r.call.roomId,
    ...(origin.kind === 'button' ? { buttonId: origin.buttonId, via: origin.via } : {}),
  };
}

/** Presses are audited under the device that pressed: the button (which has no actor of its own) or the kiosk. */
export function auditPress(
  db: Db,
  origin: PressOrigin,
  place: Partial<Place>,
  event: { outcome: 'success' | 'failure'; targetType?: string; targetId?: string; details: Record<string, unknown> },
  ip?: string,
) {
  const record = { action: 'call.pressed', organisationId: place.organisationId, ...event };
  if (origin.kind === 'terminal') return recordAudit(db, origin.actor, record, ip);
  return auditRepository.append(db, { actorType: 'button', actorId: origin.buttonId, ip, ...record });
}
