import type { TFunction } from 'i18next';
import type { HandoverView } from '../../../../shared/documents';
import { ApiError } from '../../../api';
import { errorMessage } from '../../../errors';

/** Sizes as people read them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export const formatWhen = (iso: string | null, lang: string) =>
  iso ? new Intl.DateTimeFormat(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(new Date(iso)) : '–';

export const statusLabel = (t: TFunction, h: Pick<HandoverView, 'status'>) => t(`documents:status.${h.status}`);

/** Document errors have their own messages (documents:errors.document.*); others fall back to the common ones. */
export function documentError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code.startsWith('document.')) return t(`documents:errors.${error.code}`, { defaultValue: errorMessage(t, error) });
  return errorMessage(t, error);
}
