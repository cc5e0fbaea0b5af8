import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListResponse, auditQuery, auditVerifyResponse } from '../../../shared/audit.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from './record.js';
import { auditRepository, verifyAuditChain } from './repository.js';
import { sealPendingAuditEvents } from './sealer.js';

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit-events', { schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditListResponse } } }, async (request) => {
    authorize(request.actor, 'audit:read');
    const q = request.query;
    const rows = await auditRepository.list(ctx.db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
    // Reading the audit log is itself processing of personal data.
    await recordAudit(ctx.db, request.actor, { action: 'audit.read', details: { count: rows.length } }, request.ip);
    return {
      events: rows.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorType: e.actorType,
        actorId: e.actorId ?? undefined,
        action: e.action,
        outcome: e.outcome,
        targetType: e.targetType ?? undefined,
        targetId: e.targetId ?? undefined,
        organisationId: e.organisationId ?? undefined,
        details: e.details,
        hash: e.hash ?? '',
      })),
      nextBeforeId: rows.length === q.limit ? rows[rows.length - 1]!.id : undefined,
    };
  });

  r.get('/api/audit-events/verify', { schema: { tags: ['audit'], response: { 200: auditVerifyResponse } } }, async (request) => {
    authorize(request.actor, 'audit:read');
    // Seal what is committed first, so only rows written in the meantime (or being sealed by another instance) are pending.
    await sealPendingAuditEvents(ctx.db);
    const result = await verifyAuditChain(ctx.db);
    await recordAudit(ctx.db, request.actor, { action: 'audit.verify', details: { ok: result.ok, checked: result.checked, pending: result.pending } }, request.ip);
    return result;
  });
}
