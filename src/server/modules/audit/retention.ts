import type { AppContext } from '../../context.js';
import { removeChainPrefix } from './chain.js';

const BATCH = 5000;

/** The instant `years` calendar years before `now`: events written before it have outlived their retention. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/**
 * Removes the events older than AUDIT_RETENTION_YEARS, oldest first, in batches, each behind a chain anchor, so the
 * chain that stays still verifies from its first row. Returns how many it removed. The removal is not itself written
 * to the log: the anchors (`audit_chain_anchors`) are its record.
 */
export async function removeExpiredAuditEvents(ctx: AppContext, now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(now, ctx.config.auditRetentionYears);
  let removed = 0;
  for (;;) {
    const n = await removeChainPrefix(ctx.db, cutoff, BATCH);
    removed += n;
    if (n < BATCH) return removed;
  }
}
