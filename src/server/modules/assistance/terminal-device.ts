import { TERMINAL_ONLINE_SECONDS } from '../../../shared/assistance.js';
import type { TerminalActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { directoryRepository } from '../directory/repository.js';
import { assistanceEvents } from './events.js';
import { type PressResult, registerPress } from './register-press.js';
import { callRepository } from './repository.js';

/** The kiosk's on-screen "call an advisor": the same as the room's button. */
export async function placeTerminalCall(ctx: AppContext, actor: TerminalActor, ip?: string): Promise<PressResult> {
  const point = await directoryRepository.servicePointById(ctx.db, actor.servicePointId);
  if (!point) throw notFound('Service point');
  return registerPress(ctx, { roomId: actor.roomId, servicePointId: actor.servicePointId, organisationId: point.organisationId }, { kind: 'terminal', actor }, ip);
}

export type DevicePresence = { camera: boolean; microphone: boolean; documentCamera: boolean };

/**
 * The kiosk's heartbeat: alive, and which devices it has. The status board hears of it only when something a
 * person would notice changed (a device appeared or vanished, the kiosk came back online), not every beat.
 */
export async function recordHeartbeat(ctx: AppContext, actor: TerminalActor, devices: DevicePresence): Promise<Date> {
  const now = new Date();
  const previous = await callRepository.heartbeatOf(ctx.db, actor.terminalId);
  await callRepository.saveHeartbeat(ctx.db, { terminalId: actor.terminalId, ...devices, reportedAt: now });
  const wasOnline = !!previous && !previous.offlineAnnouncedAt && now.getTime() - previous.reportedAt.getTime() < TERMINAL_ONLINE_SECONDS * 1000;
  const changed =
    !wasOnline || previous.camera !== devices.camera || previous.microphone !== devices.microphone || previous.documentCamera !== devices.documentCamera;
  if (changed) await assistanceEvents.terminalChanged(ctx, { id: actor.terminalId, servicePointId: actor.servicePointId });
  return now;
}
