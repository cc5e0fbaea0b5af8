import { randomInt, randomUUID } from 'node:crypto';
import type { HandoverCreate } from '../../../shared/documents.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid, notFound } from '../../http/problem.js';
import { assertTaskDelegated } from '../agreements/delegation.js';
import { today } from '../agreements/terms.js';
import { recordAudit } from '../audit/record.js';
import { newDataKey } from './keys.js';
import { type HandoverRow, type NewHandover, handoverRepository } from './repository.js';

/** Receipt references: letters and digits nobody confuses (as booking references), with a D- prefix. */
const ALPHABET = 'ACDEFHJKMNPRTUVWXY34679';
export const newHandoverReference = () => `D-${Array.from({ length: 7 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/** The purge deadline of a new handover: content never outlives the retention period, sent or not. */
export const retentionDeadline = (ctx: AppContext, from: Date) => new Date(from.getTime() + ctx.config.documentRetentionDays * 24 * 3600_000);

/** Inserts a handover with its own wrapped data key (the id is chosen first: the key's associated data names it). */
export async function insertHandover(db: Db, ctx: AppContext, values: Omit<NewHandover, 'id' | 'reference' | 'wrappedDataKey' | 'agencyKeyVersion' | 'purgeAt' | 'createdAt'>) {
  const id = randomUUID();
  const now = new Date();
  const dataKey = await newDataKey(db, ctx.config, id, values.agencyId);
  const row = await handoverRepository.insert(db, {
    ...values,
    id,
    reference: newHandoverReference(),
    wrappedDataKey: dataKey.wrapped,
    agencyKeyVersion: dataKey.version,
    createdAt: now,
    purgeAt: retentionDeadline(ctx, now),
  });
  return { row, dataKey: dataKey.key };
}

/** The advisor opens a draft for a booking's customer or for a walk-in customer of an agency. */
export async function createHandover(ctx: AppContext, actor: UserActor, input: HandoverCreate, ip?: string): Promise<HandoverRow> {
  let target: { servicePointId: string; agencyId: string; roomId: string | null; bookingId: string | null; customerName: string | null; language: string };
  if (input.bookingId) {
    const booking = await handoverRepository.booking(ctx.db, input.bookingId);
    if (!booking || !can(actor, 'document:register', { servicePointId: booking.servicePointId })) throw notFound('Booking');
    target = { servicePointId: booking.servicePointId, agencyId: booking.agencyId, roomId: booking.roomId, bookingId: booking.id, customerName: null, language: booking.language };
  } else {
    const w = input.walkIn!;
    authorize(actor, 'document:register', { servicePointId: w.servicePointId });
    if (!(await handoverRepository.agencyExists(ctx.db, w.agencyId))) throw invalid('document.agency_unknown', 'No such agency');
    if (w.roomId && !(await handoverRepository.roomOfPoint(ctx.db, w.roomId, w.servicePointId))) throw notFound('Room');
    target = { servicePointId: w.servicePointId, agencyId: w.agencyId, roomId: w.roomId ?? null, bookingId: null, customerName: w.customerName, language: 'fi' };
  }
  await assertTaskDelegated(ctx.db, { servicePointId: target.servicePointId, agencyId: target.agencyId, task: 'document-reception', date: today() });
  return ctx.db.transaction(async (tx) => {
    const { row } = await insertHandover(tx, ctx, {
      ...target,
      language: input.language ?? target.language,
      source: 'desk',
      kind: input.kind,
      coverNote: input.coverNote || null,
      registeredBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'document.created', targetType: 'document', targetId: row.id, organisationId: row.agencyId, details: { bookingId: row.bookingId, kind: row.kind } }, ip);
    return row;
  });
}
