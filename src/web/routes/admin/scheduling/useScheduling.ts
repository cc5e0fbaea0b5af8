import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { closureView, expertView, interpreterView, ServiceView, WorkingHoursView } from '../../../../shared/scheduling';
import { api, get, patch, post, put } from '../../../api';

export type ExpertView = z.infer<typeof expertView>;
export type InterpreterView = z.infer<typeof interpreterView>;
export type ClosureView = z.infer<typeof closureView>;
export type ServiceBody = {
  agencyId: string;
  name: ServiceView['name'];
  durationMinutes: number;
  languages: string[];
  interpretingPossible: boolean;
  onlineBooking: boolean;
  onlineNoticeMinutes: number;
  onlineHorizonDays: number;
};
export type InterpreterBody = { name: string; provider: string; languages: string[] };
export type WorkingHoursBody = { weekly: WorkingHoursView['weekly']; exceptions: WorkingHoursView['exceptions'] };
/** Whose working hours: an expert (a user account) or an interpreter. */
export type HoursOwner = { kind: 'expert' | 'interpreter'; id: string };

export const schedulingKeys = {
  services: ['scheduling', 'services'] as const,
  servicesOf: (agencyId?: string) => ['scheduling', 'services', agencyId ?? 'all'] as const,
  experts: (agencyId: string) => ['scheduling', 'experts', agencyId] as const,
  interpreters: ['scheduling', 'interpreters'] as const,
  hours: (o: HoursOwner) => ['scheduling', 'working-hours', o.kind, o.id] as const,
  closures: (pointId: string) => ['scheduling', 'closures', pointId] as const,
};

const hoursUrl = (o: HoursOwner) => `/api/${o.kind === 'expert' ? 'experts' : 'interpreters'}/${o.id}/working-hours`;

/** Services of one agency or of all, inactive ones too: the admin takes services back into use. */
export function useServices(agencyId?: string) {
  const qs = new URLSearchParams({ includeInactive: 'true', ...(agencyId ? { agencyId } : {}) });
  return useQuery({ queryKey: schedulingKeys.servicesOf(agencyId), queryFn: () => get<ServiceView[]>(`/api/services?${qs}`) });
}

export function useCreateService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceBody) => post<ServiceView>('/api/services', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.services }),
  });
}

export function useUpdateService(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Omit<ServiceBody, 'agencyId'>> & { active?: boolean }) => patch<ServiceView>(`/api/services/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.services }),
  });
}

export function useExperts(agencyId: string | undefined) {
  return useQuery({
    queryKey: schedulingKeys.experts(agencyId ?? ''),
    queryFn: () => get<ExpertView[]>(`/api/experts?agencyId=${encodeURIComponent(agencyId!)}`),
    enabled: !!agencyId,
  });
}

export function useWorkingHours(owner: HoursOwner) {
  return useQuery({ queryKey: schedulingKeys.hours(owner), queryFn: () => get<WorkingHoursView>(hoursUrl(owner)) });
}

export function useSaveWorkingHours(owner: HoursOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkingHoursBody) => put<WorkingHoursView>(hoursUrl(owner), body),
    onSuccess: (data) => qc.setQueryData(schedulingKeys.hours(owner), data),
  });
}

export function useInterpreters() {
  return useQuery({ queryKey: schedulingKeys.interpreters, queryFn: () => get<InterpreterView[]>('/api/interpreters') });
}

export function useCreateInterpreter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InterpreterBody) => post<InterpreterView>('/api/interpreters', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.interpreters }),
  });
}

export function useUpdateInterpreter(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<InterpreterBody> & { active?: boolean }) => patch<InterpreterView>(`/api/interpreters/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.interpreters }),
  });
}

export function useClosures(pointId: string) {
  return useQuery({ queryKey: schedulingKeys.closures(pointId), queryFn: () => get<ClosureView[]>(`/api/service-points/${pointId}/closures`) });
}

export function useAddClosure(pointId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { startsOn: string; endsOn: string; reason: string }) => post<ClosureView>(`/api/service-points/${pointId}/closures`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.closures(pointId) }),
  });
}

export function useRemoveClosure(pointId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (closureId: string) => api<unknown>('DELETE', `/api/closures/${closureId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.closures(pointId) }),
  });
}
