import type { Actor } from '../../auth/actor.js';
import { hashToken, newPairingCode, normalizePairingCode } from '../../auth/tokens.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { presentTerminal } from './present.js';
import { terminalRepository } from './repository.js';

const PAIRING_VALID_HOURS = 24;

/** A fresh code no other terminal holds. Only its hash is stored; the code itself is shown once. */
export async function newUniquePairingCode(db: Db, now = new Date()) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newPairingCode();
    const codeHash = hashToken(normalizePairingCode(code));
    if (!(await terminalRepository.pairingCodeInUse(db, codeHash))) {
      return { code, codeHash, expiresAt: new Date(now.getTime() + PAIRING_VALID_HOURS * 3_600_000) };
    }
  }
  throw conflict('terminal.pairing_code_conflict', 'Could not pick a free pairing code; try again');
}

export async function organisationOfRoom(db: Db, roomId: string): Promise<string | undefined> {
  const room = await directoryRepository.roomById(db, roomId);
  const point = room ? await directoryRepository.servicePointById(db, room.servicePointId) : undefined;
  return point?.organisationId;
}

/**
 * Re-pairing (a replaced or reset device): a new code for an existing terminal. The current credential keeps
 * working until a device pairs with the new code, so the kiosk is not cut off while someone walks over to it.
 */
export async function issuePairingCode(ctx: AppContext, actor: Actor, terminalId: string, ip?: string) {
  return ctx.db.transaction(async (tx) => {
    const terminal = await terminalRepository.byId(tx, terminalId);
    if (!terminal) throw notFound('Terminal');
    if (terminal.revokedAt) throw invalid('terminal.revoked', 'The terminal has been revoked; add a new terminal instead');
    const { code, codeHash, expiresAt } = await newUniquePairingCode(tx);
    const updated = await terminalRepository.update(tx, terminalId, { pairingCodeHash: codeHash, pairingExpiresAt: expiresAt });
    await recordAudit(
      tx,
      actor,
      { action: 'terminal.pairing_code_issued', targetType: 'terminal', targetId: terminalId, organisationId: await organisationOfRoom(tx, terminal.roomId) },
      ip,
    );
    return { terminal: presentTerminal(updated!), pairingCode: code, expiresAt: expiresAt.toISOString() };
  });
}
