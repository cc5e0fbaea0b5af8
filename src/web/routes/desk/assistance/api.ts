import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ButtonView,
  CallView,
  IdentityCheckResultRequest,
  IdentityCheckView,
  IncidentView,
  StatusBoard,
  buttonCreated,
  incidentInput,
} from '../../../../shared/assistance';
import { get, post } from '../../../api';
import { KEYS } from '../../../realtime/queryKeys';

/**
 * Reads and changes of calls, identity checks, incidents and the status board (docs/assistance.md). Every key
 * starts with KEYS.assistance, which every assistance event and every (re)connection invalidates: a screen
 * always shows what the database holds, whatever events it missed.
 */
export type ButtonCreated = z.infer<typeof buttonCreated>;
export type IncidentInput = z.input<typeof incidentInput>;

const A = KEYS.assistance;
export const assistanceKeys = {
  calls: (pointId: string) => [...A, 'calls', pointId] as const,
  checks: (pointId: string) => [...A, 'identity-checks', pointId] as const,
  bookingChecks: (bookingId: string) => [...A, 'booking-checks', bookingId] as const,
  incidents: (pointId: string, status?: string) => [...A, 'incidents', pointId, status ?? 'all'] as const,
  status: (pointId: string) => [...A, 'status', pointId] as const,
  buttons: (roomId: string) => [...A, 'buttons', roomId] as const,
};

export const useCalls = (pointId: string) =>
  useQuery({ queryKey: assistanceKeys.calls(pointId), queryFn: () => get<{ calls: CallView[] }>(`/api/calls?servicePointId=${pointId}`).then((r) => r.calls) });

export const useOpenIdentityChecks = (pointId: string) =>
  useQuery({
    queryKey: assistanceKeys.checks(pointId),
    queryFn: () => get<{ identityChecks: IdentityCheckView[] }>(`/api/identity-checks?servicePointId=${pointId}`).then((r) => r.identityChecks),
  });

export const useBookingIdentityChecks = (bookingId: string) =>
  useQuery({
    queryKey: assistanceKeys.bookingChecks(bookingId),
    queryFn: () => get<{ identityChecks: IdentityCheckView[] }>(`/api/bookings/${bookingId}/identity-checks`).then((r) => r.identityChecks),
  });

/** Rooms' states depend on the clock too (a booking "around now"): re-read each minute besides the events. */
export const useStatusBoard = (pointId: string | undefined) =>
  useQuery({
    queryKey: assistanceKeys.status(pointId ?? ''),
    queryFn: () => get<StatusBoard>(`/api/service-points/${pointId}/status`),
    enabled: !!pointId,
    refetchInterval: 60_000,
  });

export const useIncidents = (pointId: string | undefined, status?: 'open' | 'resolved') =>
  useQuery({
    queryKey: assistanceKeys.incidents(pointId ?? '', status),
    queryFn: () => get<{ incidents: IncidentView[] }>(`/api/incidents?servicePointId=${pointId}${status ? `&status=${status}` : ''}`).then((r) => r.incidents),
    enabled: !!pointId,
  });

export const useButtons = (roomId: string) =>
  useQuery({ queryKey: assistanceKeys.buttons(roomId), queryFn: () => get<{ buttons: ButtonView[] }>(`/api/rooms/${roomId}/buttons`).then((r) => r.buttons) });

/** A change re-reads every assistance query on screen: the server's answer decides what each shows. */
function useAssistanceMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: A }) });
}

export const useAcknowledgeCall = () => useAssistanceMutation((id: string) => post<CallView>(`/api/calls/${id}/acknowledge`));
export const useCloseCall = () => useAssistanceMutation((id: string) => post<CallView>(`/api/calls/${id}/close`));
export const useAcknowledgeCheck = () => useAssistanceMutation((id: string) => post<IdentityCheckView>(`/api/identity-checks/${id}/acknowledge`));
export const useRecordCheckResult = () =>
  useAssistanceMutation(({ id, result }: { id: string; result: IdentityCheckResultRequest }) => post<IdentityCheckView>(`/api/identity-checks/${id}/result`, result));
export const useRequestCheck = () => useAssistanceMutation((bookingId: string) => post<IdentityCheckView>(`/api/bookings/${bookingId}/identity-checks`));
export const useCancelCheck = () => useAssistanceMutation((id: string) => post<IdentityCheckView>(`/api/identity-checks/${id}/cancel`));
export const useReportIncident = () => useAssistanceMutation((body: IncidentInput) => post<IncidentView>('/api/incidents', body));
export const useResolveIncident = () => useAssistanceMutation((id: string) => post<IncidentView>(`/api/incidents/${id}/resolve`));
export const useCreateButton = () =>
  useAssistanceMutation(({ roomId, name }: { roomId: string; name: string }) => post<ButtonCreated>(`/api/rooms/${roomId}/buttons`, { name }));
export const useRevokeButton = () => useAssistanceMutation((id: string) => post<ButtonView>(`/api/buttons/${id}/revoke`));
