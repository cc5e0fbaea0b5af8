import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BookingView,
  BusyView,
  CreateBookingRequest,
  ServiceView,
  SlotView,
  bookingDetailResponse,
  expertView,
  interpreterView,
  walkInInput,
  walkInView,
} from '../../../../shared/scheduling';
import { get, patch, post } from '../../../api';
import { KEYS, invalidateScheduling } from '../../../realtime/queryKeys';

export type BookingDetail = z.infer<typeof bookingDetailResponse>;
export type WalkIn = z.infer<typeof walkInView>;
export type WalkInInput = z.infer<typeof walkInInput>;
export type Expert = z.infer<typeof expertView>;
export type Interpreter = z.infer<typeof interpreterView>;
export type BookingsResult = { bookings: BookingView[]; busy: BusyView[] };
export type BookingsParams = { servicePointId?: string; agencyId?: string; expertId?: string; from?: string; to?: string; q?: string; limit?: number };
export type AvailabilityParams = { servicePointId: string; agencyId: string; serviceId: string; from: string; to: string; interpretingLanguage?: string };

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '') as [string, string][]).toString();


const CATALOGUE_STALE_MS = 5 * 60_000;

export function useServices(agencyId: string | undefined) {
  return useQuery({
    queryKey: ['services', agencyId],
    queryFn: () => get<ServiceView[]>(`/api/services?${qs({ agencyId })}`),
    enabled: !!agencyId,
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** Every active service, for naming a booking's service whatever its agency. */
export function useAllServices() {
  return useQuery({ queryKey: ['services', 'all'], queryFn: () => get<ServiceView[]>('/api/services?includeInactive=true'), staleTime: CATALOGUE_STALE_MS });
}

export function useInterpreters() {
  return useQuery({ queryKey: ['interpreters'], queryFn: () => get<Interpreter[]>('/api/interpreters'), staleTime: CATALOGUE_STALE_MS });
}

export function useExperts(agencyId: string | undefined) {
  return useQuery({
    queryKey: ['experts', agencyId],
    queryFn: () => get<Expert[]>(`/api/experts?${qs({ agencyId })}`),
    enabled: !!agencyId,
    staleTime: CATALOGUE_STALE_MS,
  });
}

export function useAvailability(params: AvailabilityParams | undefined) {
  return useQuery({
    queryKey: [...KEYS.availability, params],
    queryFn: () => get<{ slots: SlotView[] }>(`/api/availability?${qs(params!)}`).then((r) => r.slots),
    enabled: !!params,
  });
}

export function useBookings(params: BookingsParams | undefined, opts: { keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: [...KEYS.bookings, params],
    queryFn: () => get<BookingsResult>(`/api/bookings?${qs(params!)}`),
    enabled: !!params,
    placeholderData: opts.keepPrevious ? (previous) => previous : undefined,
  });
}

export function useBooking(id: string | undefined) {
  return useQuery({ queryKey: [...KEYS.booking, id], queryFn: () => get<BookingDetail>(`/api/bookings/${id}`), enabled: !!id });
}

export function useWalkIns(params: { servicePointId?: string; agencyId?: string } | undefined) {
  return useQuery({ queryKey: [...KEYS.walkIns, params], queryFn: () => get<WalkIn[]>(`/api/walk-ins?${qs(params ?? {})}`), enabled: !!params });
}

function useSchedulingMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  // A change queues messages to the customer: their states in the booking's detail are read again too.
  return useMutation({ mutationFn: fn, onSettled: () => Promise.all([invalidateScheduling(client), client.invalidateQueries({ queryKey: ['customer-messages'] })]) });
}

export const useCreateBooking = () => useSchedulingMutation((body: CreateBookingRequest) => post<BookingView>('/api/bookings', body));
export const useMoveBooking = (id: string) => useSchedulingMutation((start: string) => patch<BookingView>(`/api/bookings/${id}`, { start }));
export const useCancelBooking = (id: string) => useSchedulingMutation((reason: string) => post<BookingView>(`/api/bookings/${id}/cancel`, { reason }));
export const useBookingStatus = (id: string) =>
  useSchedulingMutation((action: 'check-in' | 'undo-check-in' | 'no-show') => post<BookingView>(`/api/bookings/${id}/${action}`));
export const useQueueWalkIn = () => useSchedulingMutation((body: WalkInInput) => post<WalkIn>('/api/walk-ins', body));
export const useCancelWalkIn = () => useSchedulingMutation((id: string) => post<WalkIn>(`/api/walk-ins/${id}/cancel`));
export const useTakeWalkIn = () => useSchedulingMutation((id: string) => post<BookingView>(`/api/walk-ins/${id}/take`));
