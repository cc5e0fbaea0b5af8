import { type StatusBoard, TERMINAL_ONLINE_SECONDS } from '../../../shared/assistance.js';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { directoryRepository } from '../directory/repository.js';
import { boardRepository } from './board-repository.js';
import { identityCheckRepository, incidentRepository } from './checks-repository.js';
import { presentCall, presentIdentityCheck, presentIncident } from './present.js';
import { callRepository } from './repository.js';

/** A checked-in customer or a running meeting counts this far around its booked time (early arrivals, overruns). */
const AROUND_MS = 60 * 60_000;

/**
 * The live board of a service point for its advisors and coordinators: each room's state (a call outranks a
 * meeting, a meeting a waiting customer), each kiosk's heartbeat and devices, and what is open.
 */
export async function getStatusBoard(ctx: AppContext, actor: Actor, servicePointId: string): Promise<StatusBoard> {
  authorize(actor, 'service-point:status', { servicePointId });
  if (!(await directoryRepository.servicePointById(ctx.db, servicePointId))) throw notFound('Service point');
  const now = new Date();
  const roomRows = await boardRepository.roomsOf(ctx.db, servicePointId);
  const roomIds = roomRows.map((r) => r.id);
  const [terminalRows, occupying, callRows, checkRows, incidentRows] = await Promise.all([
    boardRepository.terminalsOf(ctx.db, roomIds),
    boardRepository.occupying(ctx.db, roomIds, new Date(now.getTime() - AROUND_MS), new Date(now.getTime() + AROUND_MS)),
    callRepository.listForPoint(ctx.db, servicePointId, now),
    identityCheckRepository.openAtPoint(ctx.db, servicePointId),
    incidentRepository.list(ctx.db, { servicePointId, status: 'open' }),
  ]);
  const calls = callRows.map(presentCall);

  const rooms = roomRows.map((room): StatusBoard['rooms'][number] => {
    const call = calls.find((c) => c.roomId === room.id && c.status !== 'closed');
    const meeting = occupying.find((b) => b.roomId === room.id && b.status === 'in-meeting');
    const waiting = occupying.find((b) => b.roomId === room.id && b.status === 'checked-in');
    const state = call ? 'call-open' : meeting ? 'in-meeting' : waiting ? 'customer-waiting' : 'free';
    const booking = meeting ?? waiting;
    return { id: room.id, name: room.name, state, ...(booking ? { bookingId: booking.id } : {}), ...(call ? { callId: call.id } : {}) };
  });

  const terminals = terminalRows.map(({ terminal: t, heartbeat: h }) => ({
    id: t.id,
    roomId: t.roomId,
    name: t.name,
    online: !!t.lastSeenAt && now.getTime() - t.lastSeenAt.getTime() < TERMINAL_ONLINE_SECONDS * 1000,
    lastSeenAt: t.lastSeenAt?.toISOString(),
    ...(h ? { camera: h.camera, microphone: h.microphone, documentCamera: h.documentCamera } : {}),
  }));

  return {
    servicePointId,
    at: now.toISOString(),
    rooms,
    terminals,
    calls,
    identityChecks: checkRows.map(presentIdentityCheck),
    incidents: incidentRows.map(presentIncident),
  };
}
