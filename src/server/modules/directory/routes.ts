import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import {
  organisationInput,
  organisationListQuery,
  organisationPatch,
  organisationView,
  roomInput,
  roomPatch,
  roomView,
  servicePointInput,
  servicePointPatch,
  servicePointView,
} from '../../../shared/directory.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { createOrganisation } from './create-organisation.js';
import { createRoom } from './create-room.js';
import { createServicePoint } from './create-service-point.js';
import { listOrganisations } from './list-organisations.js';
import { getServicePoint, listServicePoints } from './list-service-points.js';
import { updateOrganisation } from './update-organisation.js';
import { updateRoom } from './update-room.js';
import { updateServicePoint } from './update-service-point.js';

const tags = ['directory'];

/** Organisations, service points and rooms: readable by every signed-in user, managed by the main admin. */
export function directoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organisations',
    { schema: { tags, querystring: organisationListQuery, response: { 200: z.array(organisationView) } } },
    async (request) => {
      authorize(request.actor, 'organisation:list');
      return listOrganisations(ctx, request.query.kind);
    },
  );

  r.post('/api/organisations', { schema: { tags, body: organisationInput, response: { 201: organisationView } } }, async (request, reply) => {
    authorize(request.actor, 'organisation:manage');
    const org = await createOrganisation(ctx, request.actor, request.body, request.ip);
    return reply.status(201).send(org);
  });

  r.patch(
    '/api/organisations/:id',
    { schema: { tags, params: idParams, body: organisationPatch, response: { 200: organisationView } } },
    async (request) => {
      authorize(request.actor, 'organisation:manage', { organisationId: request.params.id });
      return updateOrganisation(ctx, request.actor, request.params.id, request.body, request.ip);
    },
  );

  r.get('/api/service-points', { schema: { tags, response: { 200: z.array(servicePointView) } } }, async (request) => {
    authorize(request.actor, 'service-point:list');
    return listServicePoints(ctx, can(request.actor, 'terminal:view'));
  });

  r.get('/api/service-points/:id', { schema: { tags, params: idParams, response: { 200: servicePointView } } }, async (request) => {
    authorize(request.actor, 'service-point:list', { servicePointId: request.params.id });
    return getServicePoint(ctx, request.params.id, can(request.actor, 'terminal:view'));
  });

  r.post('/api/service-points', { schema: { tags, body: servicePointInput, response: { 201: servicePointView } } }, async (request, reply) => {
    authorize(request.actor, 'service-point:manage', { organisationId: request.body.organisationId });
    const point = await createServicePoint(ctx, request.actor, request.body, { withTerminals: can(request.actor, 'terminal:view'), ip: request.ip });
    return reply.status(201).send(point);
  });

  r.patch(
    '/api/service-points/:id',
    { schema: { tags, params: idParams, body: servicePointPatch, response: { 200: servicePointView } } },
    async (request) => {
      authorize(request.actor, 'service-point:manage', { servicePointId: request.params.id });
      return updateServicePoint(ctx, request.actor, request.params.id, request.body, { withTerminals: can(request.actor, 'terminal:view'), ip: request.ip });
    },
  );

  r.post(
    '/api/service-points/:id/rooms',
    { schema: { tags, params: idParams, body: roomInput, response: { 201: roomView } } },
    async (request, reply) => {
      authorize(request.actor, 'room:manage', { servicePointId: request.params.id });
      const room = await createRoom(ctx, request.actor, request.params.id, request.body, { withTerminals: can(request.actor, 'terminal:view'), ip: request.ip });
      return reply.status(201).send(room);
    },
  );

  r.patch('/api/rooms/:id', { schema: { tags, params: idParams, body: roomPatch, response: { 200: roomView } } }, async (request) => {
    authorize(request.actor, 'room:manage', { roomId: request.params.id });
    return updateRoom(ctx, request.actor, request.params.id, request.body, { withTerminals: can(request.actor, 'terminal:view'), ip: request.ip });
  });
}
