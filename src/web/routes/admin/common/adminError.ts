import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../../../api';
import { errorMessage } from '../../../errors';

/** Admin-specific problem codes are translated in admin.json; everything else by the common messages. */
export function adminError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code && i18n.exists(`admin:errors.${error.code}`)) return t(`admin:errors.${error.code}`);
  return errorMessage(t, error);
}
