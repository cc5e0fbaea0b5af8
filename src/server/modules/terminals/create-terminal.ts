import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { newUniquePairingCode } from './issue-pairing-code.js';
import { presentTerminal } from './present.js';
import { terminalRepository } from './repository.js';

/** Registers a kiosk for a room and returns its pairing code, once. */
export async function createTerminal(ctx: AppContext, actor: Actor, roomId: string, name: string, ip?: string) {
  return ctx.db.transaction(async (tx) => {
    const room = await directoryRepository.roomById(tx, roomId);
    if (!room) throw notFound('Room');
    if (!room.active) throw invalid('room.inactive', 'The room is not in use');
    const point = await directoryRepository.servicePointById(tx, room.servicePointId);
    const { code, codeHash, expiresAt } = await newUniquePairingCode(tx);
    const terminal = await terminalRepository.create(tx, { roomId, name, pairingCodeHash: codeHash, pairingExpiresAt: expiresAt });
    await recordAudit(tx, actor, { action: 'terminal.created', targetType: 'terminal', targetId: terminal.id, organisationId: point?.organisationId, details: { roomId } }, ip);
    await recordAudit(tx, actor, { action: 'terminal.pairing_code_issued', targetType: 'terminal', targetId: terminal.id, organisationId: point?.organisationId }, ip);
    return { terminal: presentTerminal(terminal), pairingCode: code, expiresAt: expiresAt.toISOString() };
  });
}
