import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import {
  availabilityQuery,
  availabilityResponse,
  closureInput,
  closedDayView,
  closedDaysQuery,
  closureView,
  expertView,
  expertsQuery,
  interpreterInput,
  interpreterPatch,
  interpreterView,
  serviceInput,
  servicePatch,
  serviceView,
  servicesQuery,
  workingHoursInput,
  workingHoursView,
} from '../../../shared/scheduling.js';
import { authorize } from '../../auth/policy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { closedDays } from './closed-days.js';
import { notFound } from '../../http/problem.js';
import { catalogueRepository } from './catalogue-repository.js';
import { findAvailability } from './find-availability.js';
import { addClosure, createInterpreter, removeClosure, setWorkingHours, updateInterpreter } from './manage-resources.js';
import { createService, updateService } from './manage-services.js';
import { presentClosure, presentInterpreter, presentService, presentSlot, presentWorkingHours } from './present.js';
import { schedulingRepository } from './repository.js';

const tags = ['scheduling'];
const ok = z.object({ ok: z.literal(true) });

export function schedulingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The response schema documents the answer; it is not re-checked on the way out (presentSlot builds each slot from
  // its five fields): zod's check of a few hundred slots cost more CPU than the rest of a cached answer.
  const plainJson = () => (data: unknown) => JSON.stringify(data);
  r.get('/api/availability', { schema: { tags, querystring: availabilityQuery, response: { 200: availabilityResponse } }, serializerCompiler: plainJson }, async (request) => {
    authorize(request.actor, 'availability:read', { servicePointId: request.query.servicePointId, organisationId: request.query.agencyId });
    const { slots, timeZone } = await findAvailability(ctx, request.query);
    return { slots: slots.map((s) => presentSlot(s, timeZone)) };
  });

  r.get('/api/services', { schema: { tags, querystring: servicesQuery, response: { 200: serviceView.array() } } }, async (request) => {
    authorize(request.actor, 'service:list');
    const rows = await catalogueRepository.listServices(ctx.db, { agencyId: request.query.agencyId, includeInactive: request.query.includeInactive === 'true' });
    return rows.map(presentService);
  });

  r.post('/api/services', { schema: { tags, body: serviceInput, response: { 201: serviceView } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'service:manage', { organisationId: request.body.agencyId });
    return reply.status(201).send(presentService(await createService(ctx, actor, request.body, request.ip)));
  });

  r.patch('/api/services/:id', { schema: { tags, params: idParams, body: servicePatch, response: { 200: serviceView } } }, async (request) => {
    const actor = requireUser(request);
    const service = await catalogueRepository.serviceById(ctx.db, request.params.id);
    if (!service) throw notFound('Service');
    authorize(actor, 'service:manage', { organisationId: service.agencyId });
    return presentService(await updateService(ctx, actor, service.id, request.body, request.ip));
  });

  r.get('/api/experts', { schema: { tags, querystring: expertsQuery, response: { 200: expertView.array() } } }, async (request) => {
    authorize(request.actor, 'expert:list');
    if (!request.query.agencyId) return [];
    return schedulingRepository.experts(ctx.db, request.query.agencyId);
  });

  const expertOf = async (id: string) => {
    const [expert] = await schedulingRepository.expertById(ctx.db, id);
    if (!expert) throw notFound('Expert');
    return expert;
  };

  r.get('/api/experts/:id/working-hours', { schema: { tags, params: idParams, response: { 200: workingHoursView } } }, async (request) => {
    const expert = await expertOf(request.params.id);
    authorize(request.actor, 'expert:list', { organisationId: expert.agencyId });
    return presentWorkingHours(await catalogueRepository.workingHoursOf(ctx.db, 'expert', expert.id));
  });

  r.put('/api/experts/:id/working-hours', { schema: { tags, params: idParams, body: workingHoursInput, response: { 200: workingHoursView } } }, async (request) => {
    const actor = requireUser(request);
    const expert = await expertOf(request.params.id);
    authorize(actor, 'working-hours:manage', { organisationId: expert.agencyId, userId: expert.id });
    await setWorkingHours(ctx, actor, 'expert', expert.id, request.body, request.ip);
    return presentWorkingHours(await catalogueRepository.workingHoursOf(ctx.db, 'expert', expert.id));
  });

  r.get('/api/interpreters', { schema: { tags, response: { 200: interpreterView.array() } } }, async (request) => {
    authorize(request.actor, 'interpreter:list');
    return (await catalogueRepository.listInterpreters(ctx.db)).map(presentInterpreter);
  });

  r.post('/api/interpreters', { schema: { tags, body: interpreterInput, response: { 201: interpreterView } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'interpreter:manage');
    return reply.status(201).send(presentInterpreter(await createInterpreter(ctx, actor, request.body, request.ip)));
  });

  r.patch('/api/interpreters/:id', { schema: { tags, params: idParams, body: interpreterPatch, response: { 200: interpreterView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'interpreter:manage');
    if (!(await catalogueRepository.interpreterById(ctx.db, request.params.id))) throw notFound('Interpreter');
    return presentInterpreter(await updateInterpreter(ctx, actor, request.params.id, request.body, request.ip));
  });

  r.get('/api/interpreters/:id/working-hours', { schema: { tags, params: idParams, response: { 200: workingHoursView } } }, async (request) => {
    authorize(request.actor, 'interpreter:list');
    return presentWorkingHours(await catalogueRepository.workingHoursOf(ctx.db, 'interpreter', request.params.id));
  });

  r.put('/api/interpreters/:id/working-hours', { schema: { tags, params: idParams, body: workingHoursInput, response: { 200: workingHoursView } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'interpreter:manage');
    if (!(await catalogueRepository.interpreterById(ctx.db, request.params.id))) throw notFound('Interpreter');
    await setWorkingHours(ctx, actor, 'interpreter', request.params.id, request.body, request.ip);
    return presentWorkingHours(await catalogueRepository.workingHoursOf(ctx.db, 'interpreter', request.params.id));
  });

  r.get('/api/service-points/:id/closed-days', { schema: { tags, params: idParams, querystring: closedDaysQuery, response: { 200: closedDayView.array() } } }, async (request) => {
    authorize(request.actor, 'service-point:list');
    return closedDays(ctx, request.params.id, request.query.from, request.query.to);
  });

  r.get('/api/service-points/:id/closures', { schema: { tags, params: idParams, response: { 200: closureView.array() } } }, async (request) => {
    authorize(request.actor, 'service-point:list');
    return (await catalogueRepository.listClosures(ctx.db, [request.params.id])).map(presentClosure);
  });

  r.post('/api/service-points/:id/closures', { schema: { tags, params: idParams, body: closureInput, response: { 201: closureView } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'closure:manage', { servicePointId: request.params.id });
    if (!(await schedulingRepository.servicePoint(ctx.db, request.params.id))) throw notFound('Service point');
    return reply.status(201).send(presentClosure(await addClosure(ctx, actor, request.params.id, request.body, request.ip)));
  });

  r.delete('/api/closures/:id', { schema: { tags, params: idParams, response: { 200: ok } } }, async (request) => {
    const actor = requireUser(request);
    const closure = await catalogueRepository.closureById(ctx.db, request.params.id);
    if (!closure) throw notFound('Closure');
    authorize(actor, 'closure:manage', { servicePointId: closure.servicePointId });
    await removeClosure(ctx, actor, closure, request.ip);
    return { ok: true as const };
  });
}
