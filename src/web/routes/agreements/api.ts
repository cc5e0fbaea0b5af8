import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AgreementAmendment, AgreementDetail, AgreementTerms, AgreementView, DelegatedTasksView, rearrangeView } from '../../../shared/agreements';
import type { Problem } from '../../../shared/common';
import { ApiError, csrfHeader, get, post } from '../../api';

/** Reads and changes of joint-service agreements (docs/agreements.md); every change re-reads them all. */
export const AGREEMENT_KEYS = { all: ['agreements'] as const };
export type RearrangeView = z.infer<typeof rearrangeView>;

export const useAgreements = (enabled = true) =>
  useQuery({ queryKey: [...AGREEMENT_KEYS.all, 'list'], queryFn: () => get<AgreementView[]>('/api/agreements'), enabled });

export const useAgreement = (id: string | undefined) =>
  useQuery({ queryKey: [...AGREEMENT_KEYS.all, 'one', id], queryFn: () => get<AgreementDetail>(`/api/agreements/${id}`), enabled: !!id });

/** Which agency the point may serve for which task on a day (today in Helsinki when no date is given). */
export const useDelegatedTasks = (servicePointId: string | undefined) =>
  useQuery({
    queryKey: [...AGREEMENT_KEYS.all, 'delegated', servicePointId],
    queryFn: () => get<DelegatedTasksView>(`/api/service-points/${servicePointId}/delegated-tasks`),
    enabled: !!servicePointId,
    // The day turns over while the desk stays open: re-read now and then.
    refetchInterval: 15 * 60_000,
  });

export const useBookingsToRearrange = (servicePointId: string | undefined) =>
  useQuery({
    queryKey: [...AGREEMENT_KEYS.all, 'rearrange', servicePointId],
    queryFn: () => get<RearrangeView>(`/api/bookings-to-rearrange?servicePointId=${servicePointId}`).then((r) => r.bookings),
    enabled: !!servicePointId,
  });

function useAgreementMutation<A>(fn: (a: A) => Promise<AgreementDetail>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: AGREEMENT_KEYS.all }) });
}

export const useCreateAgreement = () => useAgreementMutation((terms: AgreementTerms) => post<AgreementDetail>('/api/agreements', terms));
export const useAmendAgreement = (id: string) => useAgreementMutation((body: AgreementAmendment) => post<AgreementDetail>(`/api/agreements/${id}/amendments`, body));
export const useTerminateAgreement = (id: string) =>
  useAgreementMutation((body: { terminatingOrganisationId: string; neglectingOrganisationId: string; reason: string }) =>
    post<AgreementDetail>(`/api/agreements/${id}/terminations`, body),
  );
export const useCompleteDuty = (id: string) =>
  useAgreementMutation(({ dutyId, doneOn, note }: { dutyId: string; doneOn: string; note?: string }) =>
    post<AgreementDetail>(`/api/agreements/${id}/duties/${dutyId}/completion`, { doneOn, ...(note ? { note } : {}) }),
  );

export const documentUrl = (id: string) => `/api/agreements/${id}/document`;

/** The signed PDF as the raw request body: the server checks by content that it is a PDF. */
async function uploadDocument(id: string, file: File): Promise<AgreementDetail> {
  let res: Response;
  try {
    res = await fetch(`${documentUrl(id)}?filename=${encodeURIComponent(file.name)}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/pdf', ...csrfHeader() },
      body: file,
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network' });
  }
  const data = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw new ApiError((data as Problem | undefined) ?? { type: 'about:blank', title: res.statusText, status: res.status, code: 'unknown' });
  return data as AgreementDetail;
}

export const useUploadDocument = (id: string) => useAgreementMutation((file: File) => uploadDocument(id, file));
