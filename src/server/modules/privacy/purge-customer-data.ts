import type { SystemActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { privacyRepository } from './repository.js';
import { cutoffFor } from './retention.js';

export const privacyActor: SystemActor = { kind: 'system', component: 'privacy' };
const BATCH = 200;

type Scope = { agencyIds?: string[]; exceptAgencyIds?: string[] };
export type PurgeSummary = { bookings: number; walkIns: number; identityChecks: number };

/**
 * One pass of the retention purge (docs/privacy.md): every booking that ended more than its agency's retention
 * ago loses the customer's name, phone, e-mail, note and cancellation reason, with the walk-in entry it came from,
 * its identity checks' document details and its messages' error texts; walk-in entries that never became a booking
 * go the same way by their creation time. Each batch is one transaction with one audit row per agency, which names
 * the rows and counts but carries none of the data. Idempotent: a row already cleared is not touched again.
 */
export async function purgeCustomerData(ctx: AppContext, now = new Date()): Promise<PurgeSummary> {
  const overrides = await privacyRepository.retentionOverrides(ctx.db);
  const total: PurgeSummary = { bookings: 0, walkIns: 0, identityChecks: 0 };
  const groups: { scope: Scope; days: number }[] = [
    { scope: { exceptAgencyIds: [...overrides.keys()] }, days: ctx.config.customerDataRetentionDays },
    ...[...overrides].map(([agencyId, days]) => ({ scope: { agencyIds: [agencyId] }, days })),
  ];
  for (const { scope, days } of groups) {
    const cutoff = cutoffFor(now, days);
    for (;;) {
      const due = await privacyRepository.dueBookings(ctx.db, scope, cutoff, BATCH);
      const dueWalkIns = await privacyRepository.dueWalkIns(ctx.db, scope, cutoff, BATCH);
      if (due.length === 0 && dueWalkIns.length === 0) break;
      const done = await ctx.db.transaction(async (tx) => {
        const cleared = await privacyRepository.clearBookings(tx, due.map((b) => b.id), now);
        const walkIns = await privacyRepository.clearWalkIns(tx, dueWalkIns.map((w) => w.id), now);
        const byAgency = new Map<string, { bookingIds: string[]; walkInIds: string[] }>();
        const entry = (agencyId: string) => byAgency.get(agencyId) ?? byAgency.set(agencyId, { bookingIds: [], walkInIds: [] }).get(agencyId)!;
        const clearedIds = new Set(cleared.bookings);
        for (const b of due) if (clearedIds.has(b.id)) entry(b.agencyId).bookingIds.push(b.id);
        for (const w of dueWalkIns) entry(w.agencyId).walkInIds.push(w.id);
        for (const [agencyId, ids] of byAgency) {
          await recordAudit(tx, privacyActor, {
            action: 'customer_data.purged',
            targetType: 'agency',
            targetId: agencyId,
            organisationId: agencyId,
            details: { reason: 'retention', retentionDays: days, cutoff: cutoff.toISOString(), bookings: ids.bookingIds, walkIns: ids.walkInIds },
          });
        }
        return { bookings: cleared.bookings.length, walkIns: walkIns + cleared.walkIns, identityChecks: cleared.identityChecks };
      });
      total.bookings += done.bookings;
      total.walkIns += done.walkIns;
      total.identityChecks += done.identityChecks;
      if (due.length < BATCH && dueWalkIns.length < BATCH) break;
    }
  }
  return total;
}
