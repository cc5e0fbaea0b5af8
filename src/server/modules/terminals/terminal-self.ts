import type { TerminalSelf } from '../../../shared/directory.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { presentTerminalSelf } from './present.js';
import { terminalRepository } from './repository.js';

/** What the kiosk shows about itself: its name, room and service point. */
export async function getTerminalSelf(ctx: AppContext, terminalId: string): Promise<TerminalSelf> {
  const found = await terminalRepository.withPlace(ctx.db, terminalId);
  if (!found) throw notFound('Terminal');
  return presentTerminalSelf(found);
}

/** The kiosk checking in: answers who it is and marks it seen, for the admin's device status. */
export async function terminalCheckIn(ctx: AppContext, terminalId: string): Promise<TerminalSelf> {
  await terminalRepository.update(ctx.db, terminalId, { lastSeenAt: new Date() });
  return getTerminalSelf(ctx, terminalId);
}
