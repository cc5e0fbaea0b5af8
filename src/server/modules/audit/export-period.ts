import type { AuditExportEvent, AuditExportProof } from '../../../shared/audit.js';
import type { Language } from '../../../shared/common.js';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { addDays, zonedInstant } from '../scheduling/time.js';
import { chainSegment, verifyAuditChain } from './chain.js';
import { eventRefs, resolveNames } from './names.js';
import { recordAudit } from './record.js';
import { sealPendingAuditEvents } from './sealer.js';
import { actorOf, nameText } from './view.js';

export const AUDIT_EXPORT_TIME_ZONE = 'Europe/Helsinki';

export type AuditExport = { proof: AuditExportProof; events: AuditExportEvent[] };

/**
 * A period of the log (Helsinki days `from`..`to`, both inclusive) as a contiguous run of the chain with its proof:
 * the hash the run links to, its first and last hash, and whether the whole chain verified at the time. Names are
 * added for reading; they are not part of what is hashed.
 */
export async function exportAuditPeriod(ctx: AppContext, actor: Actor, q: { from: string; to: string; lang: Language; format: string }, ip?: string): Promise<AuditExport> {
  authorize(actor, 'audit:read');
  // Seal what is committed, so the period's newest events are in the run.
  await sealPendingAuditEvents(ctx.db);
  const start = zonedInstant(q.from, '00:00', AUDIT_EXPORT_TIME_ZONE);
  const end = zonedInstant(addDays(q.to, 1), '00:00', AUDIT_EXPORT_TIME_ZONE);
  const rows = await chainSegment(ctx.db, start, end);
  const chain = await verifyAuditChain(ctx.db);
  const names = await resolveNames(ctx.db, rows.flatMap((r) => eventRefs({ ...r, ...actorOf(r) })));
  const events = rows.map((r) => {
    const who = actorOf(r);
    return {
      ...r,
      actorName: who.actorType === 'system' ? r.actorId : nameText(names(who.actorType, who.actorId), q.lang),
      targetName: nameText(names(r.targetType, r.targetId), q.lang),
      organisationName: nameText(names('organisation', r.organisationId), q.lang),
    };
  });
  const first = events[0];
  const last = events.at(-1);
  await recordAudit(ctx.db, actor, { action: 'audit.export', details: { from: q.from, to: q.to, format: q.format, count: events.length } }, ip);
  return {
    proof: {
      from: q.from,
      to: q.to,
      timeZone: AUDIT_EXPORT_TIME_ZONE,
      count: events.length,
      anchorHash: first?.prevHash ?? '',
      firstHash: first?.hash ?? '',
      lastHash: last?.hash ?? '',
      firstSeq: first?.sealSeq,
      lastSeq: last?.sealSeq,
      chainVerified: chain.ok,
      pending: chain.pending,
      exportedAt: new Date().toISOString(),
    },
    events,
  };
}

const COLUMNS = [
  'sealSeq', 'id', 'at', 'actorType', 'actorId', 'action', 'outcome', 'targetType', 'targetId', 'organisationId', 'details', 'prevHash', 'hash',
  'actorName', 'targetName', 'organisationName',
] as const satisfies readonly (keyof AuditExportEvent)[];
/** Columns that are not hashed may be neutralised for spreadsheets; the hashed ones go out exactly as hashed. */
const READABLE = new Set<string>(['actorName', 'targetName', 'organisationName']);

const cell = (column: string, value: string | number) => {
  const s = String(value);
  // A leading =, +, - or @ in a name is neutralised so a spreadsheet never runs it as a formula (RFC 4180 quoting).
  const safe = READABLE.has(column) && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One row per event in chain order, the proof in the HTTP headers (and in the first row's prevHash and the last hash). */
export function auditExportCsv(e: AuditExport): string {
  const lines = [COLUMNS.join(','), ...e.events.map((ev) => COLUMNS.map((c) => cell(c, ev[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
