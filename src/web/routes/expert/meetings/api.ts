import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncidentView } from '../../../../shared/assistance';
import type { MeetingOutcome, MeetingView } from '../../../../shared/meetings';
import { get, post } from '../../../api';

export type MeetingListItem = {
  id: string | null;
  bookingId: string;
  status: 'waiting' | 'checked-in' | 'open' | 'ended';
  startsAt: string;
  endsAt: string;
  service: { fi: string; sv: string; en: string };
  agency: { fi: string; sv: string; en: string };
  customerName: string | null;
  invited: boolean;
  customerOnline: boolean;
};
export type InterpreterLink = { code: string; pin: string; url: string; validFrom: string; validUntil: string };
export type InvitableExpert = { id: string; name: string; agencyId: string };

export const MEETING_KEYS = { list: ['meetings'] as const, one: (id: string) => ['meetings', 'one', id] as const };

/** Today in Helsinki as YYYY-MM-DD: the service point's day, whatever the expert's own clock says. */
export function helsinkiDay(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function useMeetingsOfDay(day: string, pollMs: number) {
  return useQuery({
    queryKey: [...MEETING_KEYS.list, 'day', day],
    queryFn: () => get<{ meetings: MeetingListItem[] }>(`/api/meetings?day=${day}`).then((r) => r.meetings),
    refetchInterval: pollMs,
  });
}

export function useMeetingView(id: string, pollMs: number) {
  return useQuery({ queryKey: MEETING_KEYS.one(id), queryFn: () => get<MeetingView>(`/api/meetings/${id}`), refetchInterval: pollMs, retry: 1 });
}

/** Opens the booking's meeting (or returns the open one) with the caller as a participant. */
export const openMeeting = (bookingId: string) => post<MeetingView>(`/api/bookings/${bookingId}/meeting`);

function useMeetingMutation<A, R>(id: string, fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: MEETING_KEYS.one(id) }) });
}

export const useAdmit = (id: string) => useMeetingMutation(id, () => post<unknown>(`/api/meetings/${id}/admit`, {}));
export const useExtend = (id: string) => useMeetingMutation(id, (minutes: number) => post<MeetingView>(`/api/meetings/${id}/extend`, { minutes }));
export const useEnd = (id: string) =>
  useMeetingMutation(id, (body: { outcome: MeetingOutcome; incidentId?: string }) => post<MeetingView>(`/api/meetings/${id}/end`, body));
export const useInterpreterLink = (id: string) => useMeetingMutation(id, () => post<InterpreterLink>(`/api/meetings/${id}/interpreter-link`));
export const useInvite = (id: string) => useMeetingMutation(id, (userId: string) => post<unknown>(`/api/meetings/${id}/invitations`, { userId }));
export const leaveMeeting = (id: string) => post<unknown>(`/api/meetings/${id}/leave`);

export function useInvitableExperts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...MEETING_KEYS.one(id), 'invitable'],
    queryFn: () => get<{ experts: InvitableExpert[] }>(`/api/meetings/invitable-experts?meetingId=${id}`).then((r) => r.experts),
    enabled,
  });
}

/** Disruptions reported for this booking, to refer to when the meeting ends (only when the viewer may read them). */
export function useBookingIncidents(servicePointId: string, bookingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['assistance', 'incidents', servicePointId, 'booking', bookingId],
    queryFn: () => get<{ incidents: IncidentView[] }>(`/api/incidents?servicePointId=${servicePointId}`).then((r) => r.incidents.filter((i) => i.bookingId === bookingId)),
    enabled,
    retry: false,
  });
}
