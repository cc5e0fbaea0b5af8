import type { AppContext } from '../../context.js';
import { handoverRepository } from './repository.js';
import { sendDocumentMail } from './mail.js';
import { officialDate, officialTime } from '../../../shared/official-time.js';

/**
 * The e-mail half of the retention warning: to the agency's admins, in Finnish, Swedish and English, with counts
 * and a link only (no customer or content). Without SMTP the in-app notice is the warning.
 */
export async function warnAgencyAdmins(ctx: AppContext, agencyId: string, count: number, firstPurgeAt: Date): Promise<boolean> {
  if (!ctx.config.smtpUrl) return false;
  const to = await handoverRepository.agencyAdminEmails(ctx.db, agencyId);
  if (to.length === 0) return false;
  const link = `${ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`}/expert/documents`;
  const { subject, text } = retentionMail(count, firstPurgeAt, link);
  try {
    await sendDocumentMail(ctx.config, { to, subject, text });
    return true;
  } catch {
    return false;
  }
}

/**
 * The warning's words: the count is of unacknowledged handovers (kuittaamaton asiakirjaluovutus / okvitterad
 * överlämning av handlingar), singular for one, and the first purge in Helsinki time: "3.3.2026 klo 10.00".
 */
export function retentionMail(count: number, firstPurgeAt: Date, link: string): { subject: string; text: string } {
  const one = count === 1;
  const day = (lang: 'fi' | 'sv' | 'en') => officialDate(firstPurgeAt, lang, undefined, false);
  const time = (lang: 'fi' | 'sv' | 'en') => officialTime(firstPurgeAt, lang);
  const text = [
    one
      ? `1 kuittaamaton asiakirjaluovutus poistetaan säilytysajan päättyessä ${day('fi')} klo ${time('fi')}. Kuittaa se: ${link}`
      : `${count} kuittaamatonta asiakirjaluovutusta poistetaan säilytysajan päättyessä (ensimmäinen ${day('fi')} klo ${time('fi')}). Kuittaa ne: ${link}`,
    one
      ? `1 okvitterad överlämning av handlingar raderas när lagringstiden går ut ${day('sv')} kl. ${time('sv')}. Kvittera den: ${link}`
      : `${count} okvitterade överlämningar av handlingar raderas när lagringstiden går ut (den första ${day('sv')} kl. ${time('sv')}). Kvittera dem: ${link}`,
    one
      ? `1 unacknowledged document handover will be deleted when its retention ends on ${day('en')} at ${time('en')} (Finnish time). Acknowledge it: ${link}`
      : `${count} unacknowledged document handovers will be deleted when their retention ends (the first on ${day('en')} at ${time('en')}, Finnish time). Acknowledge them: ${link}`,
  ].join('\n\n');
  const subject = one
    ? 'Etäpiste: asiakirjaluovutus poistumassa / överlämning av handlingar raderas / document handover expiring'
    : 'Etäpiste: asiakirjaluovutuksia poistumassa / överlämningar av handlingar raderas / document handovers expiring';
  return { subject, text };
}
