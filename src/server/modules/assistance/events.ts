import type { AppContext } from '../../context.js';

/**
 * Event hints for open screens, published after the commit. Ids and scope only: a desk re-reads GET /api/calls,
 * a kiosk GET /api/terminal/call, an expert the booking's identity checks.
 */
export const assistanceEvents = {
  callChanged: (ctx: AppContext, c: { id: string; servicePointId: string }) => ctx.bus.publish({ type: 'call.changed', id: c.id, servicePointId: c.servicePointId }),
  callEscalated: (ctx: AppContext, c: { id: string; servicePointId: string }) =>
    ctx.bus.publish({ type: 'call.escalated', id: c.id, servicePointId: c.servicePointId }),
  identityCheckChanged: (ctx: AppContext, c: { id: string; servicePointId: string; agencyId: string }) =>
    ctx.bus.publish({ type: 'identity_check.changed', id: c.id, servicePointId: c.servicePointId, agencyId: c.agencyId }),
  identityCheckEscalated: (ctx: AppContext, c: { id: string; servicePointId: string; agencyId: string }) =>
    ctx.bus.publish({ type: 'identity_check.escalated', id: c.id, servicePointId: c.servicePointId, agencyId: c.agencyId }),
  incidentChanged: (ctx: AppContext, i: { id: string; servicePointId: string; agencyId: string | null }) =>
    ctx.bus.publish({ type: 'incident.changed', id: i.id, servicePointId: i.servicePointId, ...(i.agencyId ? { agencyId: i.agencyId } : {}) }),
  terminalChanged: (ctx: AppContext, t: { id: string; servicePointId: string }) =>
    ctx.bus.publish({ type: 'terminal.changed', id: t.id, servicePointId: t.servicePointId }),
};
