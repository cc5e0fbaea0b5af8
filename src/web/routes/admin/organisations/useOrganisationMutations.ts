import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganisationView, organisationInput, organisationPatch } from '../../../../shared/directory';
import { patch, post } from '../../../api';
import { directoryKeys } from '../common/useDirectory';

export function useSaveOrganisation(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof organisationInput> | z.input<typeof organisationPatch>) =>
      id ? patch<OrganisationView>(`/api/organisations/${id}`, body) : post<OrganisationView>('/api/organisations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: directoryKeys.organisations }),
  });
}
