import type { TFunction } from 'i18next';
import { ApiError } from './api';
import { agreementMessage } from './routes/agreements/agreementError';

/** The user-facing message for a failed call, in the UI language, from the problem's stable code. */
export function errorMessage(t: TFunction, error: unknown): string {
  // Agreement refusals (task not delegated, …) can come from many screens: one text for them all.
  const agreement = error instanceof ApiError ? agreementMessage(error.problem) : undefined;
  if (agreement) return agreement;
  const code = error instanceof ApiError ? error.code : 'unknown';
  const key = `common:errors.${code}`;
  const fallback = error instanceof ApiError && error.status === 403 ? 'common:errors.forbidden' : 'common:errors.unknown';
  return t(key, { defaultValue: t(fallback) });
}
