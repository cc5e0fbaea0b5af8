import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.js';
import {
  bookingDetailResponse,
  bookingView,
  bookingsQuery,
  bookingsResponse,
  cancelBookingRequest,
  createBookingRequest,
  moveBookingRequest,
  walkInInput,
  walkInView,
  walkInsQuery,
} from '../../../shared/scheduling.js';
import { requireUser } from '../../auth/routes.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { changeStatus } from './change-status.js';
import { checkInWindow } from './check-in-window.js';
import { createBooking } from './create-booking.js';
import { getBookingWithHistory, loadReadableBooking } from './get-booking.js';
import { listBookings } from './list-bookings.js';
import { moveBooking } from './move-booking.js';
import { presentBooking, presentHistory, presentWalkIn } from './present.js';
import { listWalkIns, loadWalkIn } from './list-walk-ins.js';
import { cancelWalkIn, queueWalkIn, takeWalkIn } from './walk-ins.js';

const tags = ['bookings'];

export function bookingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/bookings', { schema: { tags, querystring: bookingsQuery, response: { 200: bookingsResponse } } }, async (request) => {
    requireUser(request);
    return listBookings(ctx, request.actor, request.query, request.ip);
  });

  r.post('/api/bookings', { schema: { tags, body: createBookingRequest, response: { 201: bookingView } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'booking:create', { servicePointId: request.body.servicePointId, organisationId: request.body.agencyId });
    const booking = await createBooking(ctx, actor, request.body, request.ip);
    return reply.status(201).send(presentBooking(booking));
  });

  r.get('/api/bookings/:id', { schema: { tags, params: idParams, response: { 200: bookingDetailResponse } } }, async (request) => {
    requireUser(request);
    const { booking, history } = await getBookingWithHistory(ctx, request.actor, request.params.id, request.ip);
    const { opensAt } = checkInWindow(booking, ctx.config.checkInOpensMinutes);
    return { ...presentBooking(booking), checkInOpensAt: opensAt.toISOString(), history: history.map(presentHistory) };
  });

  r.patch('/api/bookings/:id', { schema: { tags, params: idParams, body: moveBookingRequest, response: { 200: bookingView } } }, async (request) => {
    const actor = requireUser(request);
    const booking = await loadReadableBooking(ctx, actor, request.params.id, 'booking:change');
    return presentBooking(await moveBooking(ctx, actor, booking, request.body, request.ip));
  });

  r.post('/api/bookings/:id/cancel', { schema: { tags, params: idParams, body: cancelBookingRequest, response: { 200: bookingView } } }, async (request) => {
    const actor = requireUser(request);
    await loadReadableBooking(ctx, actor, request.params.id, 'booking:change');
    return presentBooking(await changeStatus(ctx, actor, request.params.id, 'cancelled', request.ip, { cancelReason: request.body.reason }));
  });

  for (const [path, status] of [
    ['no-show', 'no-show'],
    ['check-in', 'checked-in'],
    // A mistaken check-in is undone (audited as booking.check_in_undone); the booking can then be moved again.
    ['undo-check-in', 'booked'],
  ] as const) {
    r.post(`/api/bookings/:id/${path}`, { schema: { tags, params: idParams, response: { 200: bookingView } } }, async (request) => {
      const actor = requireUser(request);
      await loadReadableBooking(ctx, actor, request.params.id, 'booking:status');
      return presentBooking(await changeStatus(ctx, actor, request.params.id, status, request.ip));
    });
  }

  r.get('/api/walk-ins', { schema: { tags, querystring: walkInsQuery, response: { 200: walkInView.array() } } }, async (request) => {
    requireUser(request);
    return (await listWalkIns(ctx, request.actor, request.query, request.ip)).map(presentWalkIn);
  });

  r.post('/api/walk-ins', { schema: { tags, body: walkInInput, response: { 201: walkInView } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'walk-in:create', { servicePointId: request.body.servicePointId, organisationId: request.body.agencyId });
    return reply.status(201).send(presentWalkIn(await queueWalkIn(ctx, actor, request.body, request.ip)));
  });

  r.post('/api/walk-ins/:id/take', { schema: { tags, params: idParams, response: { 201: bookingView } } }, async (request, reply) => {
    const actor = requireUser(request);
    await loadWalkIn(ctx, actor, request.params.id, 'walk-in:take');
    return reply.status(201).send(presentBooking(await takeWalkIn(ctx, actor, request.params.id, request.ip)));
  });

  r.post('/api/walk-ins/:id/cancel', { schema: { tags, params: idParams, response: { 200: walkInView } } }, async (request) => {
    const actor = requireUser(request);
    await loadWalkIn(ctx, actor, request.params.id, 'walk-in:create');
    return presentWalkIn(await cancelWalkIn(ctx, actor, request.params.id, request.ip));
  });
}
