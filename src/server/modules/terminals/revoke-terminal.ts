import type { TerminalView } from '../../../shared/directory.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { organisationOfRoom } from './issue-pairing-code.js';
import { presentTerminal } from './present.js';
import { terminalRepository } from './repository.js';

/** A lost or stolen device: its credential and any pending pairing code stop working at once. Final. */
export async function revokeTerminal(ctx: AppContext, actor: Actor, terminalId: string, ip?: string): Promise<TerminalView> {
  return ctx.db.transaction(async (tx) => {
    const terminal = await terminalRepository.byId(tx, terminalId);
    if (!terminal) throw notFound('Terminal');
    if (terminal.revokedAt) return presentTerminal(terminal);
    const revoked = await terminalRepository.update(tx, terminalId, { revokedAt: new Date(), pairingCodeHash: null, pairingExpiresAt: null });
    await recordAudit(tx, actor, { action: 'terminal.revoked', targetType: 'terminal', targetId: terminalId, organisationId: await organisationOfRoom(tx, terminal.roomId) }, ip);
    return presentTerminal(revoked!);
  });
}
