import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from '../../../api';
import { errorMessage } from '../../../errors';

/** Booking problems (taken, outside hours, …) are translated in calendar.json; anything else by the common messages. */
export function calendarError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && i18n.exists(`calendar:errors.${error.code}`)) return t(`calendar:errors.${error.code}`);
  return errorMessage(t, error);
}

/** A conflict or a rule about the time itself: the free times on screen are stale and must be read again. */
export const isSlotProblem = (error: unknown) => error instanceof ApiError && (error.status === 409 || error.code.startsWith('booking.'));
