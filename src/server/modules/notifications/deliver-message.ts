import { normalizePhone } from '../../../shared/common.js';
import type { SystemActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { manageUrlFor } from '../public-booking/manage-link.js';
import type { MessageKind } from '../bookings/messages.js';
import { DeliveryError } from './delivery-error.js';
import type { EmailChannel } from './email.js';
import { renderEmail, renderSms } from './render.js';
import { type CustomerMessageRow, type MessageContext, customerMessageRepository as repo } from './repository.js';
import type { SmsChannel } from './sms.js';

export type Channels = { email?: EmailChannel; sms?: SmsChannel };
export type DeliveryResult = 'sent' | 'skipped' | 'failed' | 'not-claimed';

export const notificationsActor: SystemActor = { kind: 'system', component: 'notifications' };

/** Why a message about an older state of the booking must not go out any more, if it must not. */
export function staleReason(row: CustomerMessageRow, c: MessageContext | undefined, now = new Date()): string | undefined {
  if (!c) return 'booking not found';
  const b = c.booking;
  if (row.bookingVersion < b.version) return 'superseded by a later change of the booking';
  if (row.kind !== 'cancellation' && b.status === 'cancelled') return 'booking cancelled';
  if (row.kind === 'reminder' && b.status !== 'booked') return `booking is ${b.status}`;
  if (row.kind !== 'cancellation' && b.startsAt <= now) return 'meeting time has passed';
  return undefined;
}

/**
 * Sends one outbox row, at most once. The row is claimed first (pending → sending, one statement): a second
 * worker or a duplicate job gets nothing and does nothing. A refusal that certainly delivered nothing puts the
 * row back to pending and throws, so the job queue retries it with backoff; after the last attempt, or when the
 * outcome is unknown, the row is failed and stays for staff to see.
 */
export async function deliverCustomerMessage(ctx: AppContext, channels: Channels, messageId: string): Promise<DeliveryResult> {
  const { db, config } = ctx;
  const row = await repo.claim(db, messageId);
  if (!row) return 'not-claimed';

  const c = await repo.messageContext(db, row.bookingId);
  const skip = async (reason: string) => {
    await repo.finish(db, row.id, 'skipped', reason);
    return 'skipped' as const;
  };
  const stale = staleReason(row, c);
  if (stale || !c) return skip(stale ?? 'booking not found');

  const kind = row.kind as MessageKind;
  try {
    const r = { ...c, manageUrl: kind === 'cancellation' ? undefined : await manageUrlFor(ctx, c.booking) };
    if (row.channel === 'email') {
      if (!channels.email) return skip('channel not configured');
      const to = c.booking.customerEmail;
      if (!to) return skip('no e-mail address');
      await channels.email.send(to, renderEmail(r, kind, row.bookingVersion, config.mailFrom));
    } else if (row.channel === 'sms') {
      if (!channels.sms) return skip('channel not configured');
      const to = c.booking.customerPhone ? normalizePhone(c.booking.customerPhone) : undefined;
      if (!to) return skip('no phone number');
      await channels.sms.send(to, renderSms(r, kind), c.booking.reference);
    } else {
      return skip(`unknown channel ${row.channel}`);
    }
  } catch (error) {
    const e = error instanceof DeliveryError ? error : new DeliveryError('unknown', `render or send failed: ${(error as Error).name}`);
    if (e.outcome === 'retry' && row.attempts < config.messageMaxAttempts) {
      await repo.release(db, row.id, e.summary);
      throw e;
    }
    const why = e.outcome === 'retry' ? `gave up after ${row.attempts} attempts: ${e.summary}` : e.summary;
    await db.transaction(async (tx) => {
      await repo.finish(tx, row.id, 'failed', why);
      await recordAudit(tx, notificationsActor, {
        action: 'customer_message.failed',
        outcome: 'failure',
        targetType: 'booking',
        targetId: row.bookingId,
        organisationId: c.booking.agencyId,
        details: { messageId: row.id, kind: row.kind, channel: row.channel, attempts: row.attempts, outcome: e.outcome },
      });
    });
    return 'failed';
  }
  await db.transaction(async (tx) => {
    await repo.finish(tx, row.id, 'sent');
    await recordAudit(tx, notificationsActor, {
      action: 'customer_message.sent',
      targetType: 'booking',
      targetId: row.bookingId,
      organisationId: c.booking.agencyId,
      details: { messageId: row.id, kind: row.kind, channel: row.channel, version: row.bookingVersion, attempts: row.attempts },
    });
  });
  return 'sent';
}
