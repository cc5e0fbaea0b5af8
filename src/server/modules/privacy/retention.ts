import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { privacyRepository } from './repository.js';

const DAY_MS = 24 * 3600_000;

/** The agency's retention of customer data in days: its own setting, else CUSTOMER_DATA_RETENTION_DAYS. */
export async function retentionDaysOf(ctx: Pick<AppContext, 'config'> & { db: Db }, agencyId: string): Promise<number> {
  const row = await privacyRepository.settings(ctx.db, agencyId);
  return row?.retentionDays ?? ctx.config.customerDataRetentionDays;
}

/** Records that ended before this instant lose their customer data. */
export const cutoffFor = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
