import { z } from 'zod';

export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: z.string().max(80).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEventView = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().optional(),
  action: z.string(),
  outcome: z.string(),
  targetType: z.string().optional(),
  targetId: z.string().optional(),
  organisationId: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListResponse = z.object({ events: z.array(auditEventView), nextBeforeId: z.number().optional() });
/** `checked`: sealed rows verified; `pending`: rows written but not sealed into the chain yet. */
export const auditVerifyResponse = z.object({ ok: z.boolean(), checked: z.number(), pending: z.number(), firstBrokenId: z.number().optional() });
