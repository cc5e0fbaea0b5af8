import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import { claimDecision, costClaimInput, costClaimView, costClaimsQuery } from '../../../shared/time-reports.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { invalid } from '../../http/problem.js';
import { rawUploadParser } from '../../http/raw-body.js';
import { RECEIPT_MAX_BYTES, attachReceipt } from './attach-receipt.js';
import { createClaim } from './create-claim.js';
import { decideClaim } from './decide-claim.js';
import { getClaim, listClaims, readReceipt } from './list-claims.js';

const tags = ['time-reports'];

/** Cost claims against an agreement's categories and caps, with receipts; VM decides (docs/time-reports.md). */
export function costClaimRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/cost-claims', { schema: { tags, querystring: costClaimsQuery, response: { 200: z.array(costClaimView) } } }, async (request) =>
    listClaims(ctx, requireUser(request), request.query.agreementId),
  );
  r.post('/api/cost-claims', { schema: { tags, body: costClaimInput, response: { 201: costClaimView } } }, async (request, reply) => {
    const actor = requireUser(request);
    const id = await createClaim(ctx, actor, request.body, request.ip);
    return reply.status(201).send(await getClaim(ctx, actor, id));
  });
  for (const decision of ['approve', 'reject'] as const) {
    // The comment is optional, and so is the body itself (a bare POST approves).
    r.post(`/api/cost-claims/:id/${decision}`, { schema: { tags, params: idParams, response: { 200: costClaimView } } }, async (request) => {
      const actor = requireUser(request);
      const body = claimDecision.safeParse(request.body ?? {});
      if (!body.success) throw invalid(body.error.issues.some((i) => i.message.includes('identity code')) ? 'personal_id_forbidden' : 'validation', 'The comment is not valid');
      await decideClaim(ctx, actor, request.params.id, decision, body.data.comment, request.ip);
      return getClaim(ctx, actor, request.params.id);
    });
  }
  r.get('/api/cost-claims/:id/receipt', { schema: { tags, params: idParams } }, async (request, reply) => {
    const receipt = await readReceipt(ctx, requireUser(request), request.params.id);
    return reply.type(receipt.mediaType).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(receipt.content);
  });

  // The receipt arrives as the raw body (PDF, JPEG or PNG), in a scope that reads up to its limit.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', rawUploadParser(RECEIPT_MAX_BYTES));
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const body = (request: FastifyRequest) => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
    s.post('/api/cost-claims/:id/receipt', { schema: { tags, params: idParams, response: { 200: costClaimView } } }, async (request) => {
      const actor = requireUser(request);
      await attachReceipt(ctx, actor, request.params.id, body(request), request.ip);
      return getClaim(ctx, actor, request.params.id);
    });
  });
}
