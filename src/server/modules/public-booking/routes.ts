import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  manageTokenParams,
  publicAvailabilityQuery,
  publicAvailabilityResponse,
  publicBookingCreated,
  publicBookingRequest,
  publicBookingView,
  publicMoveRequest,
  publicServicePointView,
  publicServiceView,
  publicServicesQuery,
} from '../../../shared/public-booking.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { listPublicServicePoints, listPublicServices } from './catalogue.js';
import { cancelManagedBooking, moveManagedBooking } from './change-managed-booking.js';
import { createPublicBooking } from './create-public-booking.js';
import { findPublicAvailability } from './find-public-availability.js';
import { manageUrl } from './manage-link.js';
import { presentManaged, viewManagedBooking } from './view-managed-booking.js';

const tags = ['public-booking'];
/** Reads are cheap but public: a generous per-address request limit keeps scrapers from flooding the calendar. */
const readLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const writeLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/**
 * `/api/public/*`: the customer's own booking, without sign-in. No cookies are read or set (authenticate.ts skips
 * these paths), so no CSRF token is needed; cross-origin writes are refused (http/origin.ts) and no CORS header is
 * ever sent, so other sites' pages can neither read nor write. The manage token is the only credential.
 */
export function publicBookingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/service-points', { schema: { tags, response: { 200: publicServicePointView.array() } }, config: readLimit }, async (request) => {
    authorize(request.actor, 'public-booking:use');
    return listPublicServicePoints(ctx);
  });

  r.get('/api/public/services', { schema: { tags, querystring: publicServicesQuery, response: { 200: publicServiceView.array() } }, config: readLimit }, async (request) => {
    authorize(request.actor, 'public-booking:use');
    return listPublicServices(ctx, request.query.servicePointId);
  });

  r.get('/api/public/availability', { schema: { tags, querystring: publicAvailabilityQuery, response: { 200: publicAvailabilityResponse } }, config: readLimit }, async (request) => {
    authorize(request.actor, 'public-booking:use');
    return { slots: await findPublicAvailability(ctx, request.query) };
  });

  r.post('/api/public/bookings', { schema: { tags, body: publicBookingRequest, response: { 201: publicBookingCreated } }, config: writeLimit }, async (request, reply) => {
    authorize(request.actor, 'public-booking:use');
    const { booking, token } = await createPublicBooking(ctx, request.body, request.ip);
    return reply.status(201).send({
      reference: booking.reference,
      start: booking.startsAt.toISOString(),
      end: booking.endsAt.toISOString(),
      manageUrl: manageUrl(ctx.config, booking.language, token),
      token,
    });
  });

  r.get('/api/public/bookings/:token', { schema: { tags, params: manageTokenParams, response: { 200: publicBookingView } }, config: readLimit }, async (request) => {
    authorize(request.actor, 'public-booking:use');
    return viewManagedBooking(ctx, request.params.token, request.ip);
  });

  r.patch('/api/public/bookings/:token', { schema: { tags, params: manageTokenParams, body: publicMoveRequest, response: { 200: publicBookingView } }, config: writeLimit }, async (request) => {
    authorize(request.actor, 'public-booking:use');
    return presentManaged(ctx, await moveManagedBooking(ctx, request.params.token, request.body.start, request.ip));
  });

  r.delete('/api/public/bookings/:token', { schema: { tags, params: manageTokenParams, response: { 200: publicBookingView } }, config: writeLimit }, async (request) => {
    authorize(request.actor, 'public-booking:use');
    return presentManaged(ctx, await cancelManagedBooking(ctx, request.params.token, request.ip));
  });
}
