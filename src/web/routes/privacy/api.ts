import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language } from '../../../shared/common';
import type { ErasureResult, PersonCriteria, PersonRecords, ProcessingRecordInput, ProcessingRecordView } from '../../../shared/privacy';
import { get, post, postForFile, put } from '../../api';

/** Privacy calls (docs/privacy.md): an agency's record of processing and its data subjects. */
const KEYS = { record: (agencyId: string | undefined) => ['privacy', 'record', agencyId] as const };

export function useProcessingRecord(agencyId: string | undefined) {
  return useQuery({ queryKey: KEYS.record(agencyId), queryFn: () => get<ProcessingRecordView>(`/api/agencies/${agencyId}/processing-record`), enabled: !!agencyId });
}

export function useSaveProcessingRecord(agencyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcessingRecordInput) => put<ProcessingRecordView>(`/api/agencies/${agencyId}/processing-record`, body),
    onSuccess: (view) => client.setQueryData(KEYS.record(agencyId), view),
  });
}

export type PersonRequest = { person: PersonCriteria; reason: string };

export const useSearchPerson = (agencyId: string) =>
  useMutation({ mutationFn: (body: PersonRequest) => post<PersonRecords>(`/api/agencies/${agencyId}/data-subjects/search`, body) });

export const useErasePerson = (agencyId: string) =>
  useMutation({ mutationFn: (body: PersonRequest) => post<ErasureResult>(`/api/agencies/${agencyId}/data-subjects/erase`, body) });

export const useExportPerson = (agencyId: string) =>
  useMutation({
    mutationFn: ({ filename, ...body }: PersonRequest & { format: 'json' | 'pdf'; language: Language; filename: string }) =>
      postForFile(`/api/agencies/${agencyId}/data-subjects/export`, body, `${filename}.${body.format}`),
  });
