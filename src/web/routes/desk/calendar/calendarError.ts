import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../../../api';
import { errorMessage, problemValues } from '../../../errors';

/** Booking problems (taken, outside hours, …) are translated in calendar.json; anything else by the common messages. */
export function calendarError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && i18n.exists(`calendar:errors.${error.code}`)) return t(`calendar:errors.${error.code}`, problemValues(error));
  return errorMessage(t, error);
}

const TIME_RULES = new Set(['booking.too_soon', 'booking.beyond_horizon', 'booking.outside_hours']);

/** Taken meanwhile, or no longer bookable: the free times on screen are stale, pick again from fresh ones. */
export const isSlotProblem = (error: unknown) => error instanceof ApiError && (error.status === 409 || TIME_RULES.has(error.code));
