import type { AppContext } from '../../context.js';
import type { MeetingRow } from './repository.js';

/**
 * `meeting.changed` tells open screens (the expert's list, the kiosk, the status board) and every instance's
 * signalling hub to re-read the meeting: someone was admitted, invited, or it ended.
 */
export function publishMeetingChanged(ctx: AppContext, m: Pick<MeetingRow, 'id' | 'servicePointId' | 'agencyId'>) {
  return ctx.bus.publish({ type: 'meeting.changed', id: m.id, servicePointId: m.servicePointId, agencyId: m.agencyId });
}
