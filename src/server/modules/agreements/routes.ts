import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementAmendment,
  agreementCreate,
  agreementDetail,
  agreementTermination,
  agreementView,
  agreementsQuery,
  delegatedTasksQuery,
  delegatedTasksView,
  dutyCompletion,
  dutyParams,
  rearrangeQuery,
  rearrangeView,
} from '../../../shared/agreements.js';
import { idParams } from '../../../shared/common.js';
import { authorize } from '../../auth/policy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { rawUploadParser } from '../../http/raw-body.js';
import { directoryRepository } from '../directory/repository.js';
import { amendAgreement } from './amend-agreement.js';
import { AGREEMENT_PDF_MAX_BYTES, attachDocument } from './attach-document.js';
import { completeDuty } from './complete-duty.js';
import { delegatedTasks } from './delegation.js';
import { getAgreement, listAgreements, readDocument } from './read-agreements.js';
import { bookingsToRearrange } from './rearrange.js';
import { recordAgreement } from './record-agreement.js';
import { terminateParty } from './terminate-party.js';
import { today } from './terms.js';

const tags = ['agreements'];

/** Joint-service agreements, what they delegate, and the bookings they no longer cover (docs/agreements.md). */
export function agreementRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/agreements', { schema: { tags, querystring: agreementsQuery, response: { 200: z.array(agreementView) } } }, async (request) =>
    listAgreements(ctx, requireUser(request), request.query),
  );
  r.get('/api/agreements/:id', { schema: { tags, params: idParams, response: { 200: agreementDetail } } }, async (request) =>
    getAgreement(ctx, requireUser(request), request.params.id),
  );
  r.post('/api/agreements', { schema: { tags, body: agreementCreate, response: { 201: agreementDetail } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'agreement:manage');
    const id = await recordAgreement(ctx, actor, request.body, request.ip);
    return reply.status(201).send(await getAgreement(ctx, actor, id));
  });
  r.post('/api/agreements/:id/amendments', { schema: { tags, params: idParams, body: agreementAmendment, response: { 201: agreementDetail } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'agreement:manage');
    await amendAgreement(ctx, actor, request.params.id, request.body, request.ip);
    return reply.status(201).send(await getAgreement(ctx, actor, request.params.id));
  });
  r.post('/api/agreements/:id/terminations', { schema: { tags, params: idParams, body: agreementTermination, response: { 201: agreementDetail } } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'agreement:manage');
    await terminateParty(ctx, actor, request.params.id, request.body, request.ip);
    return reply.status(201).send(await getAgreement(ctx, actor, request.params.id));
  });
  r.post('/api/agreements/:id/duties/:dutyId/completion', { schema: { tags, params: dutyParams, body: dutyCompletion, response: { 200: agreementDetail } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'agreement:manage');
    await completeDuty(ctx, actor, request.params.id, request.params.dutyId, request.body, request.ip);
    return getAgreement(ctx, actor, request.params.id);
  });
  r.get('/api/agreements/:id/document', { schema: { tags, params: idParams } }, async (request, reply) => {
    const doc = await readDocument(ctx, requireUser(request), request.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${doc.filename.replaceAll('"', '')}"`)
      .header('cache-control', 'private, no-store')
      .send(doc.content);
  });

  r.get(
    '/api/service-points/:id/delegated-tasks',
    { schema: { tags, params: idParams, querystring: delegatedTasksQuery, response: { 200: delegatedTasksView } } },
    async (request) => {
      authorize(requireUser(request), 'agreement:delegations', { servicePointId: request.params.id });
      if (!(await directoryRepository.servicePointById(ctx.db, request.params.id))) throw notFound('Service point');
      return delegatedTasks(ctx.db, request.params.id, request.query.date ?? today());
    },
  );
  r.get('/api/bookings-to-rearrange', { schema: { tags, querystring: rearrangeQuery, response: { 200: rearrangeView } } }, async (request) =>
    bookingsToRearrange(ctx, requireUser(request), request.query),
  );

  // The signed PDF arrives as the raw body (application/pdf), in a scope of its own that reads up to its limit.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', rawUploadParser(AGREEMENT_PDF_MAX_BYTES));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const body = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    s.put(
      '/api/agreements/:id/document',
      { schema: { tags, params: idParams, querystring: z.strictObject({ filename: z.string().max(200).optional() }), response: { 200: agreementDetail } } },
      async (request) => {
        const actor = requireUser(request);
        authorize(actor, 'agreement:manage');
        await attachDocument(ctx, actor, request.params.id, body(request), request.query.filename, request.ip);
        return getAgreement(ctx, actor, request.params.id);
      },
    );
  });
}
