import type { TFunction } from 'i18next';
import { ApiError } from '../api';
import { errorMessage, problemValues } from '../errors';

/** A meeting or check-in problem in the user's language: the meeting namespace knows those codes, common the rest. */
export function meetingError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && /^(meeting|terminal)\.\w+$/.test(error.code ?? '')) {
    const text = t(`meeting:errors.${error.code}`, { ...problemValues(error), defaultValue: '' });
    if (text) return text;
  }
  return errorMessage(t, error);
}
