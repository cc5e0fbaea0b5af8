import type { AuditEventView, AuditName } from '../../../shared/audit.js';
import type { Language } from '../../../shared/common.js';
import type { AuditRow } from './repository.js';
import { type Names, eventRefs, resolveNames } from './names.js';
import type { Db } from '../../db/client.js';

/**
 * Who did it. Sign-ins were once recorded as done by no one (the session did not exist yet) with the person as the
 * target; such a successful sign-in was the person's own act, so it is shown as theirs.
 */
type Stored = string | null;
export function actorOf(e: { actorType: string; actorId: Stored; action: string; outcome: string; targetType: Stored; targetId: Stored }): { actorType: string; actorId: Stored } {
  if (e.actorType === 'anonymous' && e.action === 'auth.login' && e.outcome === 'success' && e.targetType === 'user' && e.targetId) {
    return { actorType: 'user', actorId: e.targetId };
  }
  return { actorType: e.actorType, actorId: e.actorId };
}

/** The events with the names the auditor may see, resolved in one query per kind. */
export async function presentEvents(db: Db, rows: AuditRow[]): Promise<AuditEventView[]> {
  const shown = rows.map((e) => ({ ...e, ...actorOf(e) }));
  const names = await resolveNames(db, shown.flatMap(eventRefs));
  return shown.map((e) => presentEvent(e, names));
}

function presentEvent(e: AuditRow, names: Names): AuditEventView {
  const actorName = e.actorType === 'system' ? (e.actorId ?? undefined) : names(e.actorType, e.actorId);
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId ?? undefined,
    actorName,
    action: e.action,
    outcome: e.outcome,
    targetType: e.targetType ?? undefined,
    targetId: e.targetId ?? undefined,
    targetName: names(e.targetType, e.targetId),
    organisationId: e.organisationId ?? undefined,
    organisationName: names('organisation', e.organisationId),
    details: e.details,
    hash: e.hash ?? '',
  };
}

/** A name as plain text in one language (exports). */
export const nameText = (name: AuditName | undefined, lang: Language) => (name === undefined ? '' : typeof name === 'string' ? name : name[lang] || name.fi);
