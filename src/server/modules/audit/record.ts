import type { Actor } from '../../auth/actor.js';
import { auditActor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { auditRepository, type NewAuditEvent } from './repository.js';

/** A user acting before a session exists: the person who just proved who they are by signing in. */
export const signingInUser = (userId: string) => ({ actorType: 'user', actorId: userId });
type AuditedActor = ReturnType<typeof signingInUser>;

/** Record what an actor did. Call it in the same transaction as the change it describes. */
export function recordAudit(db: Db, actor: Actor | AuditedActor, event: Omit<NewAuditEvent, 'actorType' | 'actorId'>, ip?: string) {
  return auditRepository.append(db, { ...('kind' in actor ? auditActor(actor) : actor), ip, ...event });
}

/** The event recordAudit would write, to send with the change it describes in one statement (auditRepository.appendTemplate). */
export function auditEvent(actor: Actor, event: Omit<NewAuditEvent, 'actorType' | 'actorId'>, ip?: string): NewAuditEvent {
  return { ...auditActor(actor), ip, ...event };
}
