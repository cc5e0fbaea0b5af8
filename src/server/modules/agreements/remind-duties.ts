import type { AppContext } from '../../context.js';
import { sendDocumentMail } from '../documents/mail.js';
import { addDutiesOfEndedAgreements } from './duties.js';
import { type DutyRow, agreementRepository as repo } from './repository.js';
import { newest, today } from './terms.js';

const KIND_TEXT: Record<DutyRow['kind'], [fi: string, sv: string, en: string]> = {
  'avi-registration': ['rekisteröinti aluehallintovirastoon', 'registrering hos regionförvaltningsverket', 'registration with the regional state administrative agency'],
  'register-notification': ['ilmoitus yhteispalvelurekisteriin', 'anmälan till samservicregistret', 'notification to the joint-service register'],
};

/**
 * First notes the end duty of agreements that have ended since the last sweep. Then the e-mail half of the overdue flag (§13 duties): once per overdue duty, to the main admins and the point
 * managers of the agreement's service points, in Finnish, Swedish and English, with a link. The in-app flag is
 * the agreement's `overdueDuties` count. Without SMTP nothing is marked, so a later SMTP set-up still reminds.
 */
export async function remindOverdueDuties(ctx: AppContext, now = new Date()): Promise<number> {
  await addDutiesOfEndedAgreements(ctx.db, await repo.load(ctx.db), today(now), await repo.duties(ctx.db));
  if (!ctx.config.smtpUrl) return 0;
  const due = await repo.overdueUnreminded(ctx.db, today(now));
  if (due.length === 0) return 0;
  const records = await repo.load(ctx.db, [...new Set(due.map((d) => d.agreementId))]);
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  let sent = 0;
  for (const a of records) {
    const duties = due.filter((d) => d.agreementId === a.id);
    const v = newest(a);
    const to = await repo.dutyRecipients(ctx.db, v.servicePointIds);
    if (to.length === 0) continue;
    const lines = (lang: 0 | 1 | 2) => duties.map((d) => `- ${KIND_TEXT[d.kind][lang]} (${d.dueOn})`).join('\n');
    const link = `${base}/admin/agreements/${a.id}`;
    const text = [
      `Yhteispalvelusopimuksen "${v.title}" velvoite on myöhässä:\n${lines(0)}\nMerkitse se tehdyksi: ${link}`,
      `En skyldighet enligt samservicavtalet "${v.title}" är försenad:\n${lines(1)}\nMarkera den som gjord: ${link}`,
      `A duty of the joint-service agreement "${v.title}" is overdue:\n${lines(2)}\nMark it done: ${link}`,
    ].join('\n\n');
    try {
      await sendDocumentMail(ctx.config, { to, subject: 'Etäpiste: sopimuksen velvoite myöhässä / avtalets skyldighet försenad / agreement duty overdue', text });
    } catch {
      continue;
    }
    await repo.markReminded(ctx.db, duties.map((d) => d.id), now);
    sent += duties.length;
  }
  return sent;
}
