import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agencyParams,
  dataSubjectEraseRequest,
  dataSubjectExportRequest,
  dataSubjectSearchRequest,
  erasureResult,
  personExport,
  personRecords,
  processingRecordInput,
  processingRecordView,
} from '../../../shared/privacy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { erasePerson } from './erase-person.js';
import { exportPerson } from './export-person.js';
import { findPerson } from './find-person.js';
import { readProcessingRecord, updateProcessingRecord } from './processing-record.js';

const tags = ['privacy'];

/** Data subjects' rights and the record of processing, per agency (docs/privacy.md). */
export function privacyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const noStore = { 'cache-control': 'private, no-store' };

  // POST, not GET: the person's name, phone or e-mail and the reason stay out of URLs and access logs.
  r.post('/api/agencies/:agencyId/data-subjects/search', { schema: { tags, params: agencyParams, body: dataSubjectSearchRequest, response: { 200: personRecords } } }, async (request, reply) =>
    reply.headers(noStore).send(await findPerson(ctx, requireUser(request), request.params.agencyId, request.body, request.ip)),
  );
  r.post('/api/agencies/:agencyId/data-subjects/export', { schema: { tags, params: agencyParams, body: dataSubjectExportRequest, response: { 200: personExport } } }, async (request, reply) => {
    const out = await exportPerson(ctx, requireUser(request), request.params.agencyId, request.body, request.ip);
    reply.headers(noStore).header('content-disposition', `attachment; filename="data-subject.${out.format}"`);
    if (out.format === 'json') return reply.send(out.body);
    // The serializer is for JSON only; a file goes out as it is.
    return reply
      .type('application/pdf')
      .serializer((payload: unknown) => payload as string)
      .send(out.body as never);
  });
  r.post('/api/agencies/:agencyId/data-subjects/erase', { schema: { tags, params: agencyParams, body: dataSubjectEraseRequest, response: { 200: erasureResult } } }, async (request) =>
    erasePerson(ctx, requireUser(request), request.params.agencyId, request.body, request.ip),
  );

  r.get('/api/agencies/:agencyId/processing-record', { schema: { tags, params: agencyParams, response: { 200: processingRecordView } } }, async (request) =>
    readProcessingRecord(ctx, requireUser(request), request.params.agencyId),
  );
  r.put('/api/agencies/:agencyId/processing-record', { schema: { tags, params: agencyParams, body: processingRecordInput, response: { 200: processingRecordView } } }, async (request) => {
    const actor = requireUser(request);
    await updateProcessingRecord(ctx, actor, request.params.agencyId, request.body, request.ip);
    return readProcessingRecord(ctx, actor, request.params.agencyId);
  });
}
