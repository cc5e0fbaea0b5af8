import type { TerminalSelf, TerminalView } from '../../../shared/directory.js';
import type { RoomRow, ServicePointRow } from '../directory/repository.js';
import type { TerminalRow } from './repository.js';

/** Never exposes the token or pairing code hashes: only the state an admin needs to see. */
export function presentTerminal(t: TerminalRow): TerminalView {
  return {
    id: t.id,
    roomId: t.roomId,
    name: t.name,
    status: t.revokedAt ? 'revoked' : t.pairedAt ? 'paired' : 'pairing',
    ...(t.pairingExpiresAt && !t.revokedAt ? { pairingExpiresAt: t.pairingExpiresAt.toISOString() } : {}),
    ...(t.pairedAt ? { pairedAt: t.pairedAt.toISOString() } : {}),
    ...(t.lastSeenAt ? { lastSeenAt: t.lastSeenAt.toISOString() } : {}),
  };
}

export function presentTerminalSelf(p: { terminal: TerminalRow; room: RoomRow; servicePoint: ServicePointRow }): TerminalSelf {
  return {
    terminalId: p.terminal.id,
    name: p.terminal.name,
    room: { id: p.room.id, name: p.room.name },
    servicePoint: { id: p.servicePoint.id, name: p.servicePoint.name, phone: p.servicePoint.phone },
  };
}
