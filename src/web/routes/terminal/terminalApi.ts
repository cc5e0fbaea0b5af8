import type { TerminalSelf } from '../../../shared/directory';
import { api } from '../../api';

/** The kiosk's long-lived device credential; it replaces a staff session on this one device. */
const TOKEN_KEY = 'etapiste.terminal.token';

export const terminalToken = {
  get: () => localStorage.getItem(TOKEN_KEY) ?? undefined,
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export type PairResponse = { token: string; terminal: TerminalSelf };

export const pairTerminal = (code: string) => api<PairResponse>('POST', '/api/terminal/pair', { code });

export const fetchTerminalSelf = (token: string) => api<TerminalSelf>('GET', '/api/terminal/me', undefined, { authorization: `Bearer ${token}` });

/** The pairing code as people read it aloud: 1234-5678. */
export function formatPairingCode(digits: string): string {
  return digits.length > 4 ? `${digits.slice(0, 4)}-${digits.slice(4)}` : digits;
}
