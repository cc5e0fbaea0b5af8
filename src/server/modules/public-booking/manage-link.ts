import { MANAGE_PATHS } from '../../../shared/public-booking.js';
import type { Language } from '../../../shared/common.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { publicBookingRepository as repo } from './repository.js';
import { recoverToken } from './tokens.js';

export const publicBase = (config: AppContext['config']) => (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');

export const manageUrl = (config: AppContext['config'], language: string, token: string) =>
  `${publicBase(config)}${MANAGE_PATHS[(language in MANAGE_PATHS ? language : 'fi') as Language]}/${token}`;

/** The manage link a customer message carries, when the booking has a live one (online bookings). */
export async function manageUrlFor(ctx: Pick<AppContext, 'config'> & { db: Db }, booking: { id: string; language: string }): Promise<string | undefined> {
  const link = await repo.liveLinkOf(ctx.db, booking.id);
  const token = link && recoverToken(ctx.config, link);
  return token ? manageUrl(ctx.config as AppContext['config'], booking.language, token) : undefined;
}
