import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import { agencyDocumentsQuery, agencyPageParams, handoverView } from '../../../shared/documents.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { acknowledgeHandover } from './acknowledge.js';
import { agencyActorFromBearer } from './agency-tokens.js';
import { getHandover, listHandovers, readPage } from './read-handovers.js';
import { sendContent } from './content-reply.js';
import { presentHandover } from './present.js';

const tags = ['agency API'];
const security = [{ bearer: [] }];
const config = { ownBearer: true };

/**
 * The agency documents API for an agency's own systems, with an agency API token (Authorization: Bearer
 * etp_agency_…) created by the agency admin. Scopes: documents:read (list, metadata, pages), documents:acknowledge.
 * A token sees its own agency's sent documents only; anything else is 404.
 */
export function agencyApiRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const agencyActor = async (request: FastifyRequest, scope: 'documents:read' | 'documents:acknowledge') => {
    const actor = await agencyActorFromBearer(ctx, request.headers.authorization);
    authorize(actor, scope === 'documents:read' ? 'document:read' : 'document:acknowledge', { organisationId: actor.organisationId });
    return actor;
  };

  r.get(
    '/api/agency/documents',
    {
      schema: {
        tags,
        security,
        summary: "The agency's handovers",
        description: 'Sent documents not yet acknowledged by default; `status=all` for every one, `since` for those sent after an instant. Scope documents:read.',
        querystring: agencyDocumentsQuery,
        response: { 200: z.object({ documents: z.array(handoverView) }) },
      },
      config,
    },
    async (request) => {
      const actor = await agencyActor(request, 'documents:read');
      const q = request.query;
      const documents = await listHandovers(
        ctx,
        actor,
        { agencyId: actor.organisationId, status: q.status === 'all' ? undefined : q.status, limit: q.limit, since: q.since ? new Date(q.since) : undefined },
        request.ip,
      );
      return { documents };
    },
  );
  r.get(
    '/api/agency/documents/:id',
    { schema: { tags, security, summary: 'One handover with its pages (metadata)', description: 'Scope documents:read.', params: idParams, response: { 200: handoverView } }, config },
    async (request) => getHandover(ctx, await agencyActor(request, 'documents:read'), request.params.id, request.ip),
  );
  r.get(
    '/api/agency/documents/:id/pages/:n',
    {
      schema: {
        tags,
        security,
        summary: 'Download the n-th file of a handover (1-based)',
        description: 'The file as it was received: application/pdf, image/jpeg or image/png, as an attachment. Scope documents:read. 410 once purged.',
        params: agencyPageParams,
      },
      config,
    },
    async (request, reply) => {
      const actor = await agencyActor(request, 'documents:read');
      const content = await readPage(ctx, actor, request.params.id, { position: request.params.n }, 'download', request.ip);
      return sendContent(reply, content, 'attachment');
    },
  );
  r.post(
    '/api/agency/documents/:id/acknowledge',
    {
      schema: {
        tags,
        security,
        summary: 'Acknowledge receipt',
        description: 'The content is purged afterwards (at once by default). Acknowledging again answers the same. Scope documents:acknowledge.',
        params: idParams,
        response: { 200: handoverView },
      },
      config,
    },
    async (request) => {
      const actor = await agencyActor(request, 'documents:acknowledge');
      return presentHandover(await acknowledgeHandover(ctx, actor, request.params.id, request.ip));
    },
  );
}
