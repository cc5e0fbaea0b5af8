import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedbackAnswer, FeedbackCreate, FeedbackItem, FeedbackSummary, StatementContent, StatementVersionView, StatementView } from '../../../shared/accessibility';
import type { Language } from '../../../shared/common';
import { get, post, put } from '../../api';

/** The accessibility statement and feedback (306/2019): public reads and the staff's work on them. */
const KEYS = { statement: ['accessibility-statement'] as const, feedback: ['accessibility-feedback'] as const };

export const useStatement = (language: Language) =>
  useQuery({ queryKey: [...KEYS.statement, 'current', language], queryFn: () => get<StatementView>(`/api/public/accessibility-statement/${language}`) });

export const useStatementHistory = (language: Language) =>
  useQuery({ queryKey: [...KEYS.statement, 'history', language], queryFn: () => get<StatementVersionView[]>(`/api/accessibility-statement/${language}/versions`) });

export function useSaveStatement(language: Language) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: StatementContent) => put<StatementVersionView>(`/api/accessibility-statement/${language}`, content),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS.statement }),
  });
}

export const useSendFeedback = () =>
  useMutation({ mutationFn: (body: FeedbackCreate) => post<{ id: string; receivedAt: string; dueAt: string }>('/api/public/accessibility-feedback', body) });

export const useFeedbackInbox = () =>
  useQuery({ queryKey: [...KEYS.feedback, 'list'], queryFn: () => get<FeedbackItem[]>('/api/accessibility-feedback'), refetchInterval: 5 * 60_000 });

export const useFeedbackSummary = (enabled: boolean) =>
  useQuery({ queryKey: [...KEYS.feedback, 'summary'], queryFn: () => get<FeedbackSummary>('/api/accessibility-feedback/summary'), enabled, refetchInterval: 5 * 60_000 });

function useFeedbackMutation<A>(fn: (a: A) => Promise<FeedbackItem>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: KEYS.feedback }) });
}

export const useAnswerFeedback = (id: string) => useFeedbackMutation((body: FeedbackAnswer) => post<FeedbackItem>(`/api/accessibility-feedback/${id}/answer`, body));
export const useCloseFeedback = (id: string) => useFeedbackMutation(() => post<FeedbackItem>(`/api/accessibility-feedback/${id}/close`));
