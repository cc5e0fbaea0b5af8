import { FEEDBACK_REMINDER_DAY, type FeedbackItem, type StatementVersionView } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';
import { DEFAULT_STATEMENTS } from './default-statement.js';
import type { FeedbackRow, StatementRow } from './repository.js';

const DAY_MS = 86_400_000;

export function presentStatement(language: Language, row: StatementRow | undefined): StatementVersionView {
  if (!row) return { language, version: 0, content: DEFAULT_STATEMENTS[language], savedAt: null, savedBy: null };
  return {
    language,
    version: row.version,
    content: row.content,
    savedAt: row.savedAt.toISOString(),
    savedBy: row.savedBy ? { id: row.savedBy, name: row.savedByName ?? '' } : null,
  };
}

/** Whether unanswered feedback needs the coordinators now: from day 10 on, and more so after the deadline. */
export function attention(row: Pick<FeedbackRow, 'status' | 'receivedAt' | 'dueAt'>, now: Date): FeedbackItem['attention'] {
  if (row.status !== 'new') return null;
  if (row.dueAt <= now) return 'overdue';
  return row.receivedAt.getTime() + FEEDBACK_REMINDER_DAY * DAY_MS <= now.getTime() ? 'day10' : null;
}

export const reminderCutoff = (now: Date) => new Date(now.getTime() - FEEDBACK_REMINDER_DAY * DAY_MS);

export function presentFeedback(row: FeedbackRow, now: Date): FeedbackItem {
  return {
    id: row.id,
    message: row.message,
    email: row.email,
    page: row.page,
    language: row.language,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    attention: attention(row, now),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredBy: row.answeredBy ? { id: row.answeredBy, name: row.answeredByName ?? '' } : null,
    answerEmailed: row.answerEmailedAt !== null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export const dueAfter = (receivedAt: Date, days: number) => new Date(receivedAt.getTime() + days * DAY_MS);
