import { api } from '../../api';

export type JoinInfo = {
  agency: { fi: string; sv: string; en: string };
  startsAt: string;
  endsAt: string;
  validFrom: string;
  validUntil: string;
  status: 'not-yet' | 'open' | 'expired' | 'ended' | 'locked';
};

export const fetchJoinInfo = (code: string) => api<JoinInfo>('GET', `/api/join/${encodeURIComponent(code)}`);
export const joinWithPin = (code: string, pin: string) => api<{ guestToken: string; meetingId: string }>('POST', `/api/join/${encodeURIComponent(code)}`, { pin });

/** The interpreter's guest token lives only in this tab (sessionStorage): a reload resumes, closing the tab forgets. */
const key = (code: string) => `etapiste.guest.${code}`;
export const guestToken = {
  get(code: string): { token: string; meetingId: string } | undefined {
    try {
      const raw = sessionStorage.getItem(key(code));
      return raw ? (JSON.parse(raw) as { token: string; meetingId: string }) : undefined;
    } catch {
      return undefined;
    }
  },
  set: (code: string, value: { token: string; meetingId: string }) => sessionStorage.setItem(key(code), JSON.stringify(value)),
  clear: (code: string) => sessionStorage.removeItem(key(code)),
};
