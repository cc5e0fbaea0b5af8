import { useQuery } from '@tanstack/react-query';
import type { OrganisationView, ServicePointView } from '../shared/directory';
import { get } from './api';

/** Directory reads shared by the areas: public information that changes rarely. */
const STALE_MS = 30_000;

export function useServicePoints() {
  return useQuery({ queryKey: ['service-points'], queryFn: () => get<ServicePointView[]>('/api/service-points'), staleTime: STALE_MS });
}

export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'], queryFn: () => get<OrganisationView[]>('/api/organisations'), staleTime: STALE_MS });
}

