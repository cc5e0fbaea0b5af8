import type { CallView, TerminalCallState } from '../../../shared/assistance.js';
import type { Actor, TerminalActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { presentCall, presentTerminalCall } from './present.js';
import { callRepository } from './repository.js';

/** Closed calls stay on the desk's list this long, so "who took it" is still visible after the fact. */
const RECENT_MS = 2 * 3_600_000;

/** Every open and acknowledged call at the point, and the recently closed ones: what a (re)connecting desk reads. */
export async function listCalls(ctx: AppContext, actor: Actor, servicePointId: string): Promise<CallView[]> {
  authorize(actor, 'call:read', { servicePointId });
  const rows = await callRepository.listForPoint(ctx.db, servicePointId, new Date(Date.now() - RECENT_MS));
  return rows.map(presentCall);
}

/** The kiosk's own room only. */
export async function terminalCallState(ctx: AppContext, actor: TerminalActor): Promise<TerminalCallState> {
  return presentTerminalCall(await callRepository.currentOfRoom(ctx.db, actor.roomId));
}
