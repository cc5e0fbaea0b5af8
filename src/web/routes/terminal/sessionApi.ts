import type { TerminalSessionView } from '../../../shared/meetings';
import { api } from '../../api';

/** The kiosk's view of its room now (docs/meetings.md): which booking is checked in, its meeting, feedback due. */
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export const sessionKey = (token: string) => ['terminal-session', token] as const;

export const fetchTerminalSession = (token: string) => api<TerminalSessionView>('GET', '/api/terminal/session', undefined, auth(token));

export const checkIn = (token: string, reference: string) => api<TerminalSessionView>('POST', '/api/terminal/check-in', { reference }, auth(token));

export const sendFeedback = (token: string, meetingId: string, score: number) =>
  api<unknown>('POST', '/api/terminal/feedback', { meetingId, score }, auth(token));
