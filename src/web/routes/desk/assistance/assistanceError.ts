import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../../../api';
import { errorMessage } from '../../../errors';

/** Assistance problems (someone else took the call, not delegated, …) are in assistance.json; others are common. */
export function assistanceError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code && i18n.exists(`assistance:errors.${error.code}`)) return t(`assistance:errors.${error.code}`);
  return errorMessage(t, error);
}
