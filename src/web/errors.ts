import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from './api';
import { formatDayTime } from './days';
import { isLanguage } from './i18n/languages';
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

/**
 * The values a problem's text may name, from its `params`: an instant (`opensAt`, `freeAt`) as the user reads it, in Helsinki
 * time and the UI language's format.
 */
export function problemValues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.params) return {};
  const params: Record<string, string> = { ...error.problem.params };
  const lang = isLanguage(i18n.language) ? i18n.language : 'fi';
  const at = params.opensAt ?? params.freeAt;
  if (at) params.time = formatDayTime(at, lang);
  return params;
}

/**
 * The fields (dotted paths) a form's own check refused for holding a henkilötunnus (`personal_id_forbidden`, the
 * same rule as the server's input guard), so the form can say so at the field in the one common text.
 */
export function hetuFields(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; params?: unknown }> } }): Set<string> {
  if (result.success || !result.error) return new Set();
  return new Set(
    result.error.issues.filter((i) => (i.params as { code?: string } | undefined)?.code === 'personal_id_forbidden').map((i) => i.path.map(String).join('.')),
  );
}
