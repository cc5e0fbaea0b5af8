import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/policy.js';
import type { Db } from '../../db/client.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { type HandoverRow, handoverRepository } from './repository.js';

const scopeOf = (h: HandoverRow) => ({ servicePointId: h.servicePointId, organisationId: h.agencyId, roomId: h.roomId ?? undefined });

/** May the actor see that this handover exists (its metadata)? Sent ones only for the agency side. */
export function mayKnow(actor: Actor, h: HandoverRow): boolean {
  if (can(actor, 'document:register', scopeOf(h))) return true;
  if (h.status === 'draft') return false;
  return can(actor, 'document:read', scopeOf(h)) || can(actor, 'document:metadata', scopeOf(h));
}

/** May the actor read the content (pages, cover note, customer)? The advisor only while it is a draft. */
export function mayReadContent(actor: Actor, h: HandoverRow): boolean {
  if (h.status === 'draft') return can(actor, 'document:register', scopeOf(h));
  return h.status !== 'purged' && can(actor, 'document:read', scopeOf(h));
}

/** The customer's name: the advisor at the point and the agency's readers. */
export function mayKnowCustomer(actor: Actor, h: HandoverRow): boolean {
  return can(actor, 'document:register', scopeOf(h)) || can(actor, 'document:read', scopeOf(h));
}

/** A handover the actor may know of; anyone else gets 404, whether it exists or not. */
export async function loadKnown(db: Db, actor: Actor, id: string): Promise<HandoverRow> {
  const h = await handoverRepository.byId(db, id);
  if (!h || !mayKnow(actor, h)) throw notFound('Document handover');
  return h;
}

/** The advisor's draft, locked for a change; 409 once it has been sent. */
export async function lockDraft(db: Db, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<HandoverRow> {
  const h = opts.lock === false ? await handoverRepository.byId(db, id) : await handoverRepository.forUpdate(db, id);
  if (!h || !can(actor, 'document:register', scopeOf(h))) throw notFound('Document handover');
  if (h.status !== 'draft') throw new HttpProblem(409, 'document.not_draft', 'Conflict', 'The handover has already been sent');
  return h;
}

export { scopeOf };
