import { z } from 'zod';

export const CUSTOMER_MESSAGE_KINDS = ['confirmation', 'change', 'cancellation', 'reminder'] as const;
export const CUSTOMER_MESSAGE_CHANNELS = ['email', 'sms'] as const;
/** pending → sending → sent | failed | skipped; 'failed' needs a person (call the customer), it is never re-sent. */
export const CUSTOMER_MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;

const instant = z.iso.datetime({ offset: true });

/** Messages of one booking, or of a service point (e.g. its failed ones). */
export const customerMessagesQuery = z
  .strictObject({
    bookingId: z.uuid().optional(),
    servicePointId: z.uuid().optional(),
    status: z.enum(CUSTOMER_MESSAGE_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.bookingId || q.servicePointId, { message: 'give bookingId or servicePointId', path: ['bookingId'] });

/** What staff see of a customer message: whether and when it went, never its addressee or text. */
export const customerMessageView = z.object({
  id: z.uuid(),
  bookingId: z.uuid(),
  reference: z.string(),
  bookingStart: instant,
  kind: z.enum(CUSTOMER_MESSAGE_KINDS),
  channel: z.enum(CUSTOMER_MESSAGE_CHANNELS),
  bookingVersion: z.number(),
  status: z.enum(CUSTOMER_MESSAGE_STATUSES),
  attempts: z.number(),
  sendAfter: instant,
  sentAt: instant.optional(),
  error: z.string().optional(),
});
export type CustomerMessageView = z.infer<typeof customerMessageView>;
export const customerMessagesResponse = z.object({ messages: z.array(customerMessageView) });
