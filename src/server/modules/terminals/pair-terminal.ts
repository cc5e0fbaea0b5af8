import type { TerminalSelf } from '../../../shared/directory.js';
import { type TerminalActor, anonymous } from '../../auth/actor.js';
import { hashToken, newToken, normalizePairingCode } from '../../auth/tokens.js';
import type { AppContext } from '../../context.js';
import { invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { organisationOfRoom } from './issue-pairing-code.js';
import { getTerminalSelf } from './terminal-self.js';
import { terminalRepository } from './repository.js';

const pairingInvalid = () => invalid('terminal.pairing_invalid', 'The pairing code is wrong or has expired');

/** A kiosk trades a one-time pairing code for its long-lived bearer credential, which replaces any earlier one. */
export async function pairTerminal(ctx: AppContext, code: string, ip?: string): Promise<{ token: string; terminal: TerminalSelf }> {
  const digits = normalizePairingCode(code);
  const now = new Date();
  const codeHash = hashToken(digits);
  const found = digits.length === 8 ? await terminalRepository.findByPairingCodeHash(ctx.db, codeHash, now) : undefined;
  if (!found) {
    await recordAudit(ctx.db, anonymous, { action: 'terminal.paired', outcome: 'failure', details: { reason: 'invalid-code' } }, ip);
    throw pairingInvalid();
  }
  const token = newToken();
  return ctx.db.transaction(async (tx) => {
    const paired = await terminalRepository.completePairing(tx, found.id, codeHash, hashToken(token), now);
    if (!paired) throw pairingInvalid();
    const self = await getTerminalSelf({ ...ctx, db: tx }, paired.id);
    const actor: TerminalActor = { kind: 'terminal', terminalId: paired.id, roomId: paired.roomId, servicePointId: self.servicePoint.id };
    const organisationId = await organisationOfRoom(tx, paired.roomId);
    await recordAudit(tx, actor, { action: 'terminal.paired', targetType: 'terminal', targetId: paired.id, organisationId, details: { roomId: paired.roomId } }, ip);
    return { token, terminal: self };
  });
}
