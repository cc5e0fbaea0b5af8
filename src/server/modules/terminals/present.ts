import type { TerminalView } from '../../../shared/directory.js';
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
