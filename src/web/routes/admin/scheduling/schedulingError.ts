import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../../../api';
import { adminError } from '../common/adminError';

/** Scheduling problem codes (personal_id_forbidden, service.agency_kind, …) are in scheduling.json; the rest as elsewhere in admin. */
export function schedulingError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code && i18n.exists(`scheduling:errors.${error.code}`)) return t(`scheduling:errors.${error.code}`);
  return adminError(t, error);
}
