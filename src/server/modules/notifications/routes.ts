import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerMessagesQuery, customerMessagesResponse } from '../../../shared/notifications.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { listCustomerMessages } from './list-customer-messages.js';

export function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/customer-messages',
    { schema: { tags: ['bookings'], querystring: customerMessagesQuery, response: { 200: customerMessagesResponse } } },
    async (request) => {
      const actor = requireUser(request);
      return { messages: await listCustomerMessages(ctx, actor, request.query) };
    },
  );
}
