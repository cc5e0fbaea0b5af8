import type { TerminalActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, invalid } from '../../http/problem.js';
import { appendPage } from './add-page.js';
import { insertHandover } from './create-handover.js';
import { publishDocumentChanged } from './events.js';
import { inspectFile } from './files.js';
import { handoverRepository } from './repository.js';

/**
 * During a meeting the expert asks the room's terminal for a document-camera still; the terminal posts it here.
 * It goes to the booking being served in the room now: into that booking's open terminal handover if there is one
 * (draft or sent, not yet acknowledged), otherwise into a new one that is sent to the agency at once — the expert
 * who asked is its recipient, so no advisor ever holds it. Images only (JPEG, PNG).
 */
export async function addPageFromTerminal(ctx: AppContext, actor: TerminalActor, bytes: Buffer, ip?: string) {
  authorize(actor, 'document:terminal-capture', { roomId: actor.roomId, servicePointId: actor.servicePointId });
  const file = { bytes, ...(await inspectFile(bytes, ctx.config.documentMaxFileBytes)) };
  if (file.mediaType === 'application/pdf') throw invalid('document.file_type', 'The terminal sends camera stills (JPEG or PNG)');
  const now = new Date();
  const booking = await handoverRepository.currentBookingInRoom(ctx.db, actor.roomId, now);
  if (!booking) throw new HttpProblem(409, 'document.no_meeting', 'Conflict', 'No customer is being served in this room now');
  const result = await ctx.db.transaction(async (tx) => {
    let h = await handoverRepository.openTerminalHandover(tx, booking.id);
    if (!h) {
      ({ row: h } = await insertHandover(tx, ctx, {
        bookingId: booking.id,
        agencyId: booking.agencyId,
        servicePointId: booking.servicePointId,
        roomId: booking.roomId,
        source: 'terminal',
        language: booking.language,
        kind: 'other',
        status: 'sent',
        sentAt: now,
      }));
    }
    return appendPage(tx, ctx, actor, h, file, 'terminal', ip);
  });
  await publishDocumentChanged(ctx, result.handover);
  return result;
}
