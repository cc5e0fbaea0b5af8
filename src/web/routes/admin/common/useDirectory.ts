import { useQuery } from '@tanstack/react-query';
import type { OrganisationView, ServicePointView } from '../../../../shared/directory';
import { get } from '../../../api';

export const directoryKeys = {
  organisations: ['admin', 'organisations'] as const,
  servicePoints: ['admin', 'service-points'] as const,
  servicePoint: (id: string) => ['admin', 'service-points', id] as const,
};

export function useOrganisations() {
  return useQuery({ queryKey: directoryKeys.organisations, queryFn: () => get<OrganisationView[]>('/api/organisations') });
}

export function useServicePoints() {
  return useQuery({ queryKey: directoryKeys.servicePoints, queryFn: () => get<ServicePointView[]>('/api/service-points') });
}
