import type { AppContext } from '../../context.js';

/** After the commit: ids and scope only; open inboxes and desks re-read through the API. */
export const publishDocumentChanged = (ctx: AppContext, h: { id: string; servicePointId: string; agencyId: string }) =>
  ctx.bus.publish({ type: 'document.changed', id: h.id, servicePointId: h.servicePointId, agencyId: h.agencyId });
