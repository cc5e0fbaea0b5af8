import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IdentityProviderInput, IdentityProviderView } from '../../../../shared/identity-providers';
import { get, patch, post } from '../../../api';

const key = ['identity-providers'];

export const useIdentityProviders = () => useQuery({ queryKey: key, queryFn: () => get<IdentityProviderView[]>('/api/identity-providers') });

export function useSaveIdentityProvider(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<IdentityProviderInput>) =>
      id ? patch<IdentityProviderView>(`/api/identity-providers/${id}`, body) : post<IdentityProviderView>('/api/identity-providers', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
