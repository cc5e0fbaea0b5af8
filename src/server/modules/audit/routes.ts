import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditExportQuery, auditExportResponse, auditFilterOptions, auditListResponse, auditQuery, auditVerifyResponse } from '../../../shared/audit.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { verifyAuditChain } from './chain.js';
import { auditExportCsv, exportAuditPeriod } from './export-period.js';
import { auditFilterOptions as readFilterOptions, listAuditEvents } from './list-events.js';
import { recordAudit } from './record.js';
import { sealPendingAuditEvents } from './sealer.js';

const tags = ['audit'];

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit-events', { schema: { tags, querystring: auditQuery, response: { 200: auditListResponse } } }, async (request) =>
    listAuditEvents(ctx, request.actor, request.query, request.ip),
  );

  r.get('/api/audit-events/filters', { schema: { tags, response: { 200: auditFilterOptions } } }, async (request) => readFilterOptions(ctx, request.actor, request.ip));

  r.get('/api/audit-events/verify', { schema: { tags, response: { 200: auditVerifyResponse } } }, async (request) => {
    authorize(request.actor, 'audit:read');
    // Seal what is committed first, so only rows written in the meantime (or being sealed by another instance) are pending.
    await sealPendingAuditEvents(ctx.db);
    const result = await verifyAuditChain(ctx.db);
    await recordAudit(ctx.db, request.actor, { action: 'audit.verify', details: { ok: result.ok, checked: result.checked, pending: result.pending } }, request.ip);
    return result;
  });

  /** A period (Helsinki days, inclusive) as JSON or CSV with the chain's proof. */
  r.get('/api/audit-events/export', { schema: { tags, querystring: auditExportQuery, response: { 200: auditExportResponse } } }, async (request, reply) => {
    const q = request.query;
    const result = await exportAuditPeriod(ctx, request.actor, q, request.ip);
    const { proof } = result;
    reply
      .header('content-disposition', `attachment; filename="audit-${q.from}_${q.to}.${q.format}"`)
      .header('cache-control', 'private, no-store')
      .header('x-audit-anchor-hash', proof.anchorHash)
      .header('x-audit-first-hash', proof.firstHash)
      .header('x-audit-last-hash', proof.lastHash)
      .header('x-audit-count', String(proof.count));
    if (q.format === 'json') return result;
    // The serializer is for JSON only; a file goes out as it is.
    return reply
      .type('text/csv; charset=utf-8')
      .serializer((payload: unknown) => payload as string)
      .send(auditExportCsv(result) as never);
  });
}
