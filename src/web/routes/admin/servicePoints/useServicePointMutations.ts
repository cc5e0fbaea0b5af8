import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalizedText } from '../../../../shared/common';
import type { RoomView, ServicePointView, TerminalView } from '../../../../shared/directory';
import { get, patch, post } from '../../../api';
import { directoryKeys } from '../common/useDirectory';

export type PairingCode = { terminal: TerminalView; pairingCode: string; expiresAt: string };

export function useServicePoint(id: string) {
  return useQuery({ queryKey: directoryKeys.servicePoint(id), queryFn: () => get<ServicePointView>(`/api/service-points/${id}`) });
}

/** Every change under a service point (its rooms and terminals too) refreshes the point and the list. */
function useDirectoryMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: directoryKeys.servicePoints }) });
}

export const useCreateServicePoint = () => useDirectoryMutation((body: unknown) => post<ServicePointView>('/api/service-points', body));

export const useUpdateServicePoint = (id: string) =>
  useDirectoryMutation((body: Record<string, unknown>) => patch<ServicePointView>(`/api/service-points/${id}`, body));

export const useAddRoom = (pointId: string) =>
  useDirectoryMutation((name: LocalizedText) => post<RoomView>(`/api/service-points/${pointId}/rooms`, { name }));

export const useUpdateRoom = (roomId: string) =>
  useDirectoryMutation((body: { name?: LocalizedText; active?: boolean }) => patch<RoomView>(`/api/rooms/${roomId}`, body));

export const useAddTerminal = (roomId: string) => useDirectoryMutation((name: string) => post<PairingCode>(`/api/rooms/${roomId}/terminals`, { name }));

export const useNewPairingCode = () => useDirectoryMutation((terminalId: string) => post<PairingCode>(`/api/terminals/${terminalId}/pairing-code`));

export const useRevokeTerminal = () => useDirectoryMutation((terminalId: string) => post<unknown>(`/api/terminals/${terminalId}/revoke`));
