import type { Actor } from '../auth/actor.js';
import { type Action, type Resource, can } from '../auth/policy.js';
import type { DomainEvent } from './bus.js';

/**
 * Which policy action lets a socket receive an event of each type. A new event type (a call button press, an
 * identity-check request, meeting signalling) is one line here; a type not listed reaches nobody (deny by
 * default). The resource is built from the event's scope unless the gate says otherwise.
 */
type Gate = { action: Action; resource?: (event: DomainEvent) => Resource };

const scope = (e: DomainEvent): Resource => ({ servicePointId: e.servicePointId, organisationId: e.agencyId });

export const eventGates: Record<string, Gate> = {
  // Whoever sees the room's calendar (even only as busy time) needs to know it changed: the event carries ids
  // only, and the client re-reads through the API, where booking:read decides what it sees in full.
  'booking.changed': { action: 'booking:watch' },
  'walk_in.changed': { action: 'calendar:read' },
  // Assistance (docs/assistance.md). A call's desks, coordinators, and the kiosks at the point (which then read
  // only their own room's call); escalations reach advisors and coordinators.
  'call.changed': { action: 'call:watch' },
  'call.escalated': { action: 'call:read' },
  'identity_check.changed': { action: 'identity-check:read' },
  'identity_check.escalated': { action: 'call:read' },
  'incident.changed': { action: 'incident:read' },
  'terminal.changed': { action: 'service-point:status' },
  // Meetings (docs/meetings.md): someone was admitted or invited, the meeting ended, feedback was given.
  'meeting.changed': { action: 'meeting:watch' },
  // Document handover (docs/documents.md): the point's advisors and the agency's experts and admins.
  'document.changed': { action: 'document:watch' },
};

export function mayReceive(actor: Actor, event: DomainEvent): boolean {
  const gate = eventGates[event.type];
  if (!gate) return false;
  return can(actor, gate.action, (gate.resource ?? scope)(event));
}
