import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Problem } from '../../../../shared/common';
import type { AgencyTokenView, HandoverCreate, HandoverView, PageView, ReceiptView } from '../../../../shared/documents';
import { ApiError, api, csrfHeader, get, post } from '../../../api';
import type { LiveState, Scope } from '../../../realtime/liveClient';
import { useLiveConnection } from '../../../realtime/useLiveEvents';

/** Document handover reads and changes (docs/documents.md), shared by the desk, the expert inbox and admin. */
export const DOC_KEYS = { all: ['documents'] as const };

export const contentUrl = (h: { id: string }, p: { id: string }, download = false) => `/api/documents/${h.id}/pages/${p.id}/content${download ? '?download=1' : ''}`;
export const receiptPdfUrl = (id: string, lang?: string) => `/api/documents/${id}/receipt.pdf${lang ? `?lang=${lang}` : ''}`;

export function useHandovers(q: { servicePointId?: string; agencyId?: string; status?: string }) {
  const params = new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][]);
  return useQuery({
    queryKey: [...DOC_KEYS.all, 'list', q],
    queryFn: async () => (await get<{ handovers: HandoverView[] }>(`/api/documents?${params}`)).handovers,
    enabled: !!(q.servicePointId || q.agencyId),
  });
}

export function useHandover(id: string | undefined) {
  return useQuery({ queryKey: [...DOC_KEYS.all, 'one', id], queryFn: () => get<HandoverView>(`/api/documents/${id}`), enabled: !!id });
}

export function useReceipt(id: string) {
  return useQuery({ queryKey: [...DOC_KEYS.all, 'receipt', id], queryFn: () => get<ReceiptView>(`/api/documents/${id}/receipt`) });
}

const invalidate = (client: QueryClient) => client.invalidateQueries({ queryKey: DOC_KEYS.all });

function useDocMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate(client) });
}

export const useCreateHandover = () => useDocMutation((body: HandoverCreate) => post<HandoverView>('/api/documents', body));
export const useUpdateHandover = (id: string) => useDocMutation((body: { kind?: string; coverNote?: string | null }) => api<HandoverView>('PATCH', `/api/documents/${id}`, body));
export const useReorderPages = (id: string) => useDocMutation((pageIds: string[]) => api<HandoverView>('PUT', `/api/documents/${id}/pages/order`, { pageIds }));
export const useRemovePage = (id: string) => useDocMutation((pageId: string) => api<HandoverView>('DELETE', `/api/documents/${id}/pages/${pageId}`));
export const useSendHandover = (id: string) => useDocMutation(() => post<HandoverView>(`/api/documents/${id}/send`));
export const useDiscardHandover = (id: string) => useDocMutation(() => api<void>('DELETE', `/api/documents/${id}`));
export const useAcknowledge = () => useDocMutation((id: string) => post<HandoverView>(`/api/documents/${id}/acknowledge`));
export const useEmailReceipt = (id: string) => useDocMutation((body: { email?: string; language?: string }) => post<{ sentTo: string }>(`/api/documents/${id}/receipt/email`, body));

/** A file (or camera still) as the raw request body: the server checks its type by content. */
async function uploadPage(id: string, file: Blob, source: 'upload' | 'camera'): Promise<{ handover: HandoverView; page: PageView }> {
  let res: Response;
  try {
    res = await fetch(`/api/documents/${id}/pages?source=${source}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream', ...csrfHeader() },
      body: file,
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network' });
  }
  const data = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw new ApiError((data as Problem | undefined) ?? { type: 'about:blank', title: res.statusText, status: res.status, code: 'unknown' });
  return data as { handover: HandoverView; page: PageView };
}

export const useUploadPage = (id: string) => useDocMutation(({ file, source }: { file: Blob; source: 'upload' | 'camera' }) => uploadPage(id, file, source));

// Agency administration.
export function useAgencyTokens(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...DOC_KEYS.all, 'tokens', agencyId],
    queryFn: async () => (await get<{ tokens: AgencyTokenView[] }>(`/api/agencies/${agencyId}/api-tokens`)).tokens,
    enabled: !!agencyId,
  });
}
export const useCreateToken = (agencyId: string) =>
  useDocMutation((body: { name: string; scopes: string[] }) => post<{ token: string; apiToken: AgencyTokenView }>(`/api/agencies/${agencyId}/api-tokens`, body));
export const useRevokeToken = () => useDocMutation((tokenId: string) => post<AgencyTokenView>(`/api/agency-tokens/${tokenId}/revoke`));

export type RetentionNotice = { agencyId: string; expiringSoon: number; nextPurgeAt: string | null; warnDays: number; retentionDays: number };
export function useRetentionNotice(agencyId: string | undefined) {
  return useQuery({ queryKey: [...DOC_KEYS.all, 'retention', agencyId], queryFn: () => get<RetentionNotice>(`/api/agencies/${agencyId}/document-retention`), enabled: !!agencyId });
}

/** Keeps document screens fresh: `document.changed` events (ids only) make the document queries stale. */
export function useDocumentEvents(scopes: Scope[]): LiveState {
  const client = useQueryClient();
  return useLiveConnection(scopes, { enabled: scopes.length > 0 }, () => ({
    onResync: () => void invalidate(client),
    onEvent: (event) => {
      if (event.type === 'document.changed') void invalidate(client);
    },
  }));
}
