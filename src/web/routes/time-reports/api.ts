import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import type { CostClaimInput, CostClaimView, MonthView, ReimbursementReport, SourceRef, SuggestionView, TimeEntriesView, TimeEntryInput, TimeEntryView } from '../../../shared/time-reports';
import { ApiError, api, csrfHeader, get, post } from '../../api';
import { errorMessage } from '../../errors';
import { helsinkiDay } from '../../days';

/** Time entries, suggestions, months, claims and the report (docs/time-reports.md); every change re-reads them. */
const KEY = ['time-reports'] as const;

export const useEntries = (from: string, to: string) =>
  useQuery({ queryKey: [...KEY, 'entries', from, to], queryFn: () => get<TimeEntriesView>(`/api/time-entries?from=${from}&to=${to}`) });
export const useSuggestions = (from: string, to: string) =>
  useQuery({ queryKey: [...KEY, 'suggestions', from, to], queryFn: () => get<SuggestionView[]>(`/api/time-entries/suggestions?from=${from}&to=${to}`) });
export const useMonth = (servicePointId: string | undefined, month: string) =>
  useQuery({ queryKey: [...KEY, 'month', servicePointId, month], queryFn: () => get<MonthView>(`/api/time-reports/${servicePointId}/${month}`), enabled: !!servicePointId });
export const useClaims = (agreementId: string | undefined) =>
  useQuery({ queryKey: [...KEY, 'claims', agreementId], queryFn: () => get<CostClaimView[]>(`/api/cost-claims?agreementId=${agreementId}`), enabled: !!agreementId });
export const useReport = (agreementId: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: [...KEY, 'report', agreementId, from, to],
    queryFn: () => get<ReimbursementReport>(reportUrl(agreementId!, from, to, 'json')),
    enabled: !!agreementId && !!from && !!to && from <= to,
  });

export const reportUrl = (agreementId: string, from: string, to: string, format: 'json' | 'csv' | 'xlsx' | 'pdf', lang: 'fi' | 'sv' = 'fi') =>
  `/api/reimbursement-report?agreementId=${agreementId}&from=${from}&to=${to}&format=${format}&lang=${lang}`;

function useChange<A, R = unknown>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useRecordEntry = () => useChange((body: TimeEntryInput) => post<TimeEntryView>('/api/time-entries', body));
export const useDeleteEntry = () => useChange((id: string) => api<void>('DELETE', `/api/time-entries/${id}`));
export const useDismiss = () => useChange((ref: SourceRef) => post<void>('/api/time-entries/suggestions/dismissals', ref));
export const useCloseMonth = (servicePointId: string, month: string) =>
  useChange(({ decision, comment }: { decision: 'submit' | 'approve' | 'return'; comment?: string }) =>
    post<MonthView>(`/api/time-reports/${servicePointId}/${month}/${decision}`, decision === 'return' ? { comment } : undefined),
  );
export const useCreateClaim = () =>
  useChange(async ({ claim, receipt }: { claim: CostClaimInput; receipt?: File }) => {
    const created = await post<CostClaimView>('/api/cost-claims', claim);
    if (receipt) await uploadReceipt(created.id, receipt);
    return created;
  });
export const useDecideClaim = () => useChange(({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => post<CostClaimView>(`/api/cost-claims/${id}/${decision}`));

/** The receipt as the raw request body: the server tells PDF, JPEG and PNG by their bytes. */
async function uploadReceipt(id: string, file: File) {
  const res = await fetch(`/api/cost-claims/${id}/receipt`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/octet-stream', ...csrfHeader() }, body: file });
  if (!res.ok) throw new ApiError(await res.json());
}

/** Time-report problem codes are worded in timeReports.json; the rest by the common messages. */
export function timeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && i18n.exists(`timeReports:errors.${error.code}`)) {
    const p = error.problem.params ?? {};
    return t(`timeReports:errors.${error.code}`, { left: p.leftCents ? euros(Number(p.leftCents)) : '' });
  }
  return errorMessage(t, error);
}

export const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
export const hoursOf = (minutes: number) => `${Math.floor(Math.abs(minutes) / 60) * Math.sign(minutes)} h ${Math.abs(minutes) % 60} min`;

/** Today, a day's Monday, day arithmetic: Helsinki calendar days as 'YYYY-MM-DD'. */
export const helsinkiToday = () => helsinkiDay();
export function addDays(date: string, n: number) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
export function mondayOf(date: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
export function previousMonth(date = helsinkiToday()) {
  return addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}
