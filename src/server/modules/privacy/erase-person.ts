import type { ErasureResult, PersonCriteria } from '../../../shared/privacy.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { publishBookingChanged } from '../bookings/events.js';
import { bookingRepository } from '../bookings/repository.js';
import { purgeHandover } from '../documents/purge.js';
import { authorizeDataSubjects, criteriaUsed, loadPersonRecords } from './find-person.js';
import { privacyRepository } from './repository.js';

/**
 * A data subject's erasure (GDPR art. 17), at once: the same removal as the retention purge, on the person's
 * records in this agency only. A booking still ahead is cancelled first (without its contact data nobody could be
 * told of a change); handovers not yet purged lose their content with purge reason `erasure`. The statistics stay.
 */
export async function erasePerson(ctx: AppContext, actor: Actor, agencyId: string, body: { person: PersonCriteria; reason: string }, ip?: string): Promise<ErasureResult> {
  await authorizeDataSubjects(ctx, actor, agencyId);
  const records = await loadPersonRecords(ctx, agencyId, body.person);
  const bookingIds = records.bookings.map((b) => b.id);
  const walkInIds = records.walkIns.filter((w) => !w.bookingId || !bookingIds.includes(w.bookingId)).map((w) => w.id);
  const now = new Date();
  const { cancelled, result } = await ctx.db.transaction(async (tx) => {
    const cancelled = await privacyRepository.cancelAhead(tx, bookingIds, now);
    for (const b of cancelled) {
      await bookingRepository.addEvent(tx, { bookingId: b.id, actorId: actor.kind === 'user' ? actor.userId : null, kind: 'cancelled', fromStatus: 'booked', toStatus: 'cancelled', details: { reason: 'erasure' } });
    }
    const cleared = await privacyRepository.clearBookings(tx, bookingIds, now);
    const walkIns = await privacyRepository.clearWalkIns(tx, walkInIds, now);
    const result: ErasureResult = { bookings: cleared.bookings.length, walkIns: walkIns + cleared.walkIns, documents: records.documents.length, cancelled: cancelled.length };
    await recordAudit(
      tx,
      actor,
      {
        action: 'data_subject.erased',
        targetType: 'agency',
        targetId: agencyId,
        organisationId: agencyId,
        details: { reason: body.reason, by: criteriaUsed(body.person), bookings: cleared.bookings, walkIns: walkInIds, documents: records.documents.map((d) => d.id), cancelled: cancelled.map((b) => b.id) },
      },
      ip,
    );
    return { cancelled, result };
  });
  for (const d of records.documents) await purgeHandover(ctx, d.id, now, 'erasure');
  for (const b of cancelled) await publishBookingChanged(ctx, b);
  return result;
}
