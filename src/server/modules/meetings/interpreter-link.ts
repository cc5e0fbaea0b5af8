import { randomBytes, randomInt } from 'node:crypto';
import type { UserActor } from '../../auth/actor.js';
import { hashPassword } from '../../auth/password.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { bookingRepository } from '../bookings/repository.js';
import { asHost } from './host-actions.js';
import { interpreterWindow } from './present.js';
import { meetingRepository } from './repository.js';

/**
 * A new link and PIN for the interpreter, replacing any earlier one (the earlier interpreter's token stops working).
 * The PIN is returned only here, for the expert to pass on by phone or the interpreting service's own channel.
 */
export async function createInterpreterLink(ctx: AppContext, actor: UserActor, meetingId: string, origin: string, ip: string) {
  const code = randomBytes(18).toString('base64url');
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const pinHash = await hashPassword(pin);
  let window: { validFrom: Date; validUntil: Date } | undefined;
  await asHost(ctx, actor, meetingId, async (tx, meeting) => {
    const booking = (await bookingRepository.byId(tx, meeting.bookingId))!;
    window = interpreterWindow(booking, ctx.config.interpreterLinkMarginMinutes);
    if (Date.now() > window.validUntil.getTime()) throw new HttpProblem(409, 'meeting.link_expired', 'Conflict', 'The meeting time is over');
    await meetingRepository.update(tx, meeting.id, { interpreterCode: code, interpreterPinHash: pinHash, interpreterPinFailures: 0 });
    await meetingRepository.revokeGuests(tx, meeting.id);
    await recordAudit(tx, actor, { action: 'meeting.interpreter_link_created', targetType: 'meeting', targetId: meeting.id, organisationId: meeting.agencyId }, ip);
  });
  const base = ctx.config.publicUrl ?? origin;
  return { code, pin, url: new URL(`/join/${code}`, base).toString(), validFrom: window!.validFrom.toISOString(), validUntil: window!.validUntil.toISOString() };
}
