import type { AppContext } from '../../context.js';
import { handoverRepository } from './repository.js';
import { sendDocumentMail } from './mail.js';

/**
 * The e-mail half of the retention warning: to the agency's admins, in Finnish, Swedish and English, with counts
 * and a link only (no customer or content). Without SMTP the in-app notice is the warning.
 */
export async function warnAgencyAdmins(ctx: AppContext, agencyId: string, count: number, firstPurgeAt: Date): Promise<boolean> {
  if (!ctx.config.smtpUrl) return false;
  const to = await handoverRepository.agencyAdminEmails(ctx.db, agencyId);
  if (to.length === 0) return false;
  const when = firstPurgeAt.toISOString().slice(0, 16).replace('T', ' ');
  const link = `${ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`}/expert/documents`;
  const text = [
    `${count} vastaanottamatonta asiakirjaa poistetaan säilytysajan päättyessä (ensimmäinen ${when} UTC). Kuittaa ne: ${link}`,
    `${count} okvitterade handlingar raderas när lagringstiden går ut (den första ${when} UTC). Kvittera dem: ${link}`,
    `${count} unacknowledged documents will be purged when their retention ends (the first at ${when} UTC). Acknowledge them: ${link}`,
  ].join('\n\n');
  try {
    await sendDocumentMail(ctx.config, { to, subject: 'Etäpiste: asiakirjoja poistumassa / handlingar raderas / documents expiring', text });
    return true;
  } catch {
    return false;
  }
}
