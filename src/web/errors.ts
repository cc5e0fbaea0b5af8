import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** The user-facing message for a failed call, in the UI language, from the problem's stable code. */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'unknown';
  const key = `common:errors.${code}`;
  const fallback = error instanceof ApiError && error.status === 403 ? 'common:errors.forbidden' : 'common:errors.unknown';
  return t(key, { defaultValue: t(fallback) });
}
