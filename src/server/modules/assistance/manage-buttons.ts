import type { ButtonView } from '../../../shared/assistance.js';
import { mqttPressTopic } from '../../../shared/assistance.js';
import type { UserActor } from '../../auth/actor.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { directoryRepository } from '../directory/repository.js';
import { organisationOfRoom } from '../terminals/issue-pairing-code.js';
import { presentButton } from './present.js';
import { callRepository } from './repository.js';

/** Registers a call button for a room; its token is in this answer only (the server keeps the hash). */
export async function createButton(ctx: AppContext, actor: UserActor, roomId: string, name: string, ip?: string) {
  return ctx.db.transaction(async (tx) => {
    const room = await directoryRepository.roomById(tx, roomId);
    if (!room) throw notFound('Room');
    if (!room.active) throw invalid('room.inactive', 'The room is not in use');
    const token = newToken();
    const button = await callRepository.insertButton(tx, { roomId, name, tokenHash: hashToken(token), createdBy: actor.userId });
    await recordAudit(
      tx,
      actor,
      { action: 'call_button.created', targetType: 'call-button', targetId: button.id, organisationId: await organisationOfRoom(tx, roomId), details: { roomId } },
      ip,
    );
    return { button: presentButton(button), token, httpPath: `/api/buttons/${button.id}/press`, mqttTopic: mqttPressTopic(button.id) };
  });
}

export async function listButtons(ctx: AppContext, roomId: string): Promise<ButtonView[]> {
  if (!(await directoryRepository.roomById(ctx.db, roomId))) throw notFound('Room');
  return (await callRepository.buttonsOfRoom(ctx.db, roomId)).map(presentButton);
}

/** A lost or broken button: its token stops working at once. Final; register a new button instead. */
export async function revokeButton(ctx: AppContext, actor: UserActor, buttonId: string, ip?: string): Promise<ButtonView> {
  return ctx.db.transaction(async (tx) => {
    const button = await callRepository.buttonById(tx, buttonId);
    if (!button) throw notFound('Call button');
    if (button.revokedAt) return presentButton(button);
    const revoked = await callRepository.updateButton(tx, buttonId, { revokedAt: new Date() });
    await recordAudit(
      tx,
      actor,
      { action: 'call_button.revoked', targetType: 'call-button', targetId: buttonId, organisationId: await organisationOfRoom(tx, button.roomId) },
      ip,
    );
    return presentButton(revoked!);
  });
}
