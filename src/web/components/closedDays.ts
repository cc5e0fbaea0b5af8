import { useQuery } from '@tanstack/react-query';
import type { ClosedDay } from '../../shared/scheduling';
import { get } from '../api';

/** Public holidays and closures of a point between two of its calendar days (`YYYY-MM-DD`), named. */
export function useClosedDays(servicePointId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['closed-days', servicePointId, from, to],
    queryFn: () => get<ClosedDay[]>(`/api/service-points/${servicePointId}/closed-days?from=${from}&to=${to}`),
    enabled: !!servicePointId,
    staleTime: 10 * 60_000,
  });
}
