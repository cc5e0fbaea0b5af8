import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import {
  agencyParams,
  agencyTokenCreated,
  agencyTokenInput,
  agencyTokenView,
  agencyTokensResponse,
  contentQuery,
  handoverCreate,
  handoverPatch,
  handoverView,
  handoversQuery,
  handoversResponse,
  keyRotationResponse,
  pageOrder,
  pageParams,
  pageSourceQuery,
  pageView,
  receiptEmailRequest,
  receiptEmailResponse,
  receiptQuery,
  receiptView,
  retentionNotice as retentionNoticeSchema,
} from '../../../shared/documents.js';
import { authorize } from '../../auth/policy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { unauthenticated } from '../../http/problem.js';
import { acknowledgeHandover } from './acknowledge.js';
import { addPage } from './add-page.js';
import { agencyApiRoutes } from './agency-routes.js';
import { createAgencyToken, listAgencyTokens, revokeAgencyToken } from './agency-tokens.js';
import { createHandover } from './create-handover.js';
import { discardDraft, removePage, reorderPages, sendHandover, updateDraft } from './edit-draft.js';
import { rotateAgencyKey } from './keys.js';
import { presentHandover, presentPage } from './present.js';
import { sendContent } from './content-reply.js';
import { getHandover, listHandovers, readPage } from './read-handovers.js';
import { emailReceipt, getReceipt, receiptPdf } from './receipt.js';
import { retentionNotice } from './retention-notice.js';
import { rawUploadParser } from '../../http/raw-body.js';
import { tooLarge } from './files.js';
import { addPageFromTerminal } from './terminal-capture.js';

const tags = ['documents'];
const pageAdded = z.object({ handover: handoverView, page: pageView });

/** Document handover (docs/documents.md): the desk, the agency inbox, receipts, tokens, keys, the terminal. */
export function documentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/documents', { schema: { tags, body: handoverCreate, response: { 201: handoverView } } }, async (request, reply) => {
    const actor = requireUser(request);
    const row = await createHandover(ctx, actor, request.body, request.ip);
    return reply.status(201).send(await getHandover(ctx, actor, row.id));
  });
  r.get('/api/documents', { schema: { tags, querystring: handoversQuery, response: { 200: handoversResponse } } }, async (request) => ({
    handovers: await listHandovers(ctx, requireUser(request), request.query, request.ip),
  }));
  r.get('/api/documents/:id', { schema: { tags, params: idParams, response: { 200: handoverView } } }, async (request) =>
    getHandover(ctx, requireUser(request), request.params.id, request.ip),
  );
  r.patch('/api/documents/:id', { schema: { tags, params: idParams, body: handoverPatch, response: { 200: handoverView } } }, async (request) => {
    const actor = requireUser(request);
    await updateDraft(ctx, actor, request.params.id, request.body, request.ip);
    return getHandover(ctx, actor, request.params.id);
  });
  r.delete('/api/documents/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await discardDraft(ctx, requireUser(request), request.params.id, request.ip);
    return reply.status(204).send();
  });
  r.put('/api/documents/:id/pages/order', { schema: { tags, params: idParams, body: pageOrder, response: { 200: handoverView } } }, async (request) => {
    const actor = requireUser(request);
    await reorderPages(ctx, actor, request.params.id, request.body.pageIds, request.ip);
    return getHandover(ctx, actor, request.params.id);
  });
  r.delete('/api/documents/:id/pages/:pageId', { schema: { tags, params: pageParams, response: { 200: handoverView } } }, async (request) => {
    const actor = requireUser(request);
    await removePage(ctx, actor, request.params.id, request.params.pageId, request.ip);
    return getHandover(ctx, actor, request.params.id);
  });
  r.post('/api/documents/:id/send', { schema: { tags, params: idParams, response: { 200: handoverView } } }, async (request) => {
    const actor = requireUser(request);
    await sendHandover(ctx, actor, request.params.id, request.ip);
    return getHandover(ctx, actor, request.params.id);
  });
  r.get('/api/documents/:id/pages/:pageId/content', { schema: { tags, params: pageParams, querystring: contentQuery } }, async (request, reply) => {
    const download = request.query.download === '1';
    const content = await readPage(ctx, requireUser(request), request.params.id, { pageId: request.params.pageId }, download ? 'download' : 'view', request.ip);
    return sendContent(reply, content, download ? 'attachment' : 'inline');
  });
  r.post('/api/documents/:id/acknowledge', { schema: { tags, params: idParams, response: { 200: handoverView } } }, async (request) => {
    const actor = requireUser(request);
    await acknowledgeHandover(ctx, actor, request.params.id, request.ip);
    return getHandover(ctx, actor, request.params.id);
  });

  // The customer's receipt.
  r.get('/api/documents/:id/receipt', { schema: { tags, params: idParams, response: { 200: receiptView } } }, async (request) =>
    getReceipt(ctx, requireUser(request), request.params.id, request.ip),
  );
  r.get('/api/documents/:id/receipt.pdf', { schema: { tags, params: idParams, querystring: receiptQuery } }, async (request, reply) => {
    const receipt = await getReceipt(ctx, requireUser(request), request.params.id, request.ip);
    const pdf = await receiptPdf(receipt, request.query.lang ?? receipt.language);
    return sendContent(reply, { bytes: pdf, mediaType: 'application/pdf', filename: `${receipt.reference}.pdf` }, 'inline');
  });
  r.post('/api/documents/:id/receipt/email', { schema: { tags, params: idParams, body: receiptEmailRequest, response: { 200: receiptEmailResponse } } }, async (request) =>
    emailReceipt(ctx, requireUser(request), request.params.id, request.body, request.ip),
  );

  // Agency administration: API tokens, the retention notice, the agency key.
  r.get('/api/agencies/:agencyId/api-tokens', { schema: { tags, params: agencyParams, response: { 200: agencyTokensResponse } } }, async (request) => ({
    tokens: await listAgencyTokens(ctx, requireUser(request), request.params.agencyId),
  }));
  r.post('/api/agencies/:agencyId/api-tokens', { schema: { tags, params: agencyParams, body: agencyTokenInput, response: { 201: agencyTokenCreated } } }, async (request, reply) =>
    reply.status(201).send(await createAgencyToken(ctx, requireUser(request), request.params.agencyId, request.body, request.ip)),
  );
  r.post('/api/agency-tokens/:id/revoke', { schema: { tags, params: idParams, response: { 200: agencyTokenView } } }, async (request) =>
    revokeAgencyToken(ctx, requireUser(request), request.params.id, request.ip),
  );
  r.get('/api/agencies/:agencyId/document-retention', { schema: { tags, params: agencyParams, response: { 200: retentionNoticeSchema } } }, async (request) =>
    retentionNotice(ctx, requireUser(request), request.params.agencyId),
  );
  r.post('/api/agencies/:agencyId/document-key/rotate', { schema: { tags, params: agencyParams, response: { 200: keyRotationResponse } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'document-key:rotate', { organisationId: request.params.agencyId });
    const { agencyId, version, rewrapped } = await rotateAgencyKey(ctx, actor, request.params.agencyId, request.ip);
    return { agencyId, version, rewrapped };
  });

  // Files arrive as the raw request body (application/pdf, image/jpeg, image/png or octet-stream): held in memory,
  // checked by content, encrypted; never written to disk. Their own scope reads bodies up to the file limit.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', rawUploadParser(ctx.config.documentMaxFileBytes, tooLarge));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const body = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    s.post(
      '/api/documents/:id/pages',
      { schema: { tags, params: idParams, querystring: pageSourceQuery, response: { 201: pageAdded } } },
      async (request, reply) => {
        const result = await addPage(ctx, requireUser(request), request.params.id, body(request), request.query.source, request.ip);
        return reply.status(201).send({ handover: presentHandover(result.handover), page: presentPage(result.page) });
      },
    );
    // A document-camera still from the room's terminal during a meeting (the meeting UI calls this).
    s.post('/api/terminal/documents/pages', { schema: { tags, security: [{ bearer: [] }], response: { 201: pageAdded } } }, async (request, reply) => {
      if (request.actor.kind !== 'terminal') throw unauthenticated();
      const result = await addPageFromTerminal(ctx, request.actor, body(request), request.ip);
      return reply.status(201).send({ handover: presentHandover(result.handover), page: presentPage(result.page) });
    });
  });

  agencyApiRoutes(app, ctx);
}
