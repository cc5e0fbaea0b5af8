import type { AuditFilterOptions, AuditQuery } from '../../../shared/audit.js';
import { auditActionGroups } from '../../../shared/audit.js';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { filterChoices } from './names.js';
import { recordAudit } from './record.js';
import { auditRepository } from './repository.js';
import { presentEvents } from './view.js';

/** A page of the log, newest first, filtered, with names resolved. Reading the log is itself recorded. */
export async function listAuditEvents(ctx: AppContext, actor: Actor, q: AuditQuery, ip?: string) {
  authorize(actor, 'audit:read');
  const object = q.object ? await auditRepository.objectIds(ctx.db, q.object) : undefined;
  const rows = await auditRepository.list(ctx.db, {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    object,
  });
  const filters = Object.fromEntries(Object.entries({ group: q.group, person: q.person, organisation: q.organisation, object: q.object, action: q.action }).filter(([, v]) => v));
  // Reading the audit log is itself processing of personal data.
  await recordAudit(ctx.db, actor, { action: 'audit.read', details: { count: rows.length, ...filters } }, ip);
  return {
    events: await presentEvents(ctx.db, rows),
    nextBeforeId: rows.length === q.limit ? rows[rows.length - 1]!.id : undefined,
  };
}

/** The people, organisations and action groups the auditor filters by (staff names: the read is recorded). */
export async function auditFilterOptions(ctx: AppContext, actor: Actor, ip?: string): Promise<AuditFilterOptions> {
  authorize(actor, 'audit:read');
  const { people, organisations } = await filterChoices(ctx.db);
  await recordAudit(ctx.db, actor, { action: 'audit.filters_read', details: { people: people.length } }, ip);
  return { people, organisations, groups: auditActionGroups };
}
