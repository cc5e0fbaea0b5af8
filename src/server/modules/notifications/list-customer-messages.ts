import type { z } from 'zod';
import type { CustomerMessageView, customerMessagesQuery } from '../../../shared/notifications.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { type MessageStatus, customerMessageRepository as repo } from './repository.js';

/**
 * Whether the customer was told: the messages of bookings the actor may read (advisors of the point, the agency's
 * staff). A failed message is where a person takes over and calls the customer.
 */
export async function listCustomerMessages(ctx: AppContext, actor: Actor, q: z.infer<typeof customerMessagesQuery>): Promise<CustomerMessageView[]> {
  const rows = await repo.list(ctx.db, { ...q, status: q.status as MessageStatus | undefined });
  return rows
    .filter((r) => can(actor, 'booking:read', { servicePointId: r.servicePointId, organisationId: r.agencyId }))
    .map(({ message: m, reference, startsAt }) => ({
      id: m.id,
      bookingId: m.bookingId,
      reference,
      bookingStart: startsAt.toISOString(),
      kind: m.kind as CustomerMessageView['kind'],
      channel: m.channel as CustomerMessageView['channel'],
      bookingVersion: m.bookingVersion,
      status: m.status as CustomerMessageView['status'],
      attempts: m.attempts,
      sendAfter: m.sendAfter.toISOString(),
      sentAt: m.sentAt?.toISOString(),
      error: m.error ?? undefined,
    }));
}
