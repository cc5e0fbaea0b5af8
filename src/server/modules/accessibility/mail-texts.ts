import { STATEMENT_PATHS } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';
import type { FeedbackRow } from './repository.js';

const ANSWER: Record<Language, { subject: string; intro: string; yours: string; statement: string }> = {
  fi: { subject: 'Vastaus saavutettavuuspalautteeseesi', intro: 'Kiitos palautteestasi Etäpisteen saavutettavuudesta. Vastauksemme:', yours: 'Palautteesi:', statement: 'Saavutettavuusseloste' },
  sv: { subject: 'Svar på din respons om tillgänglighet', intro: 'Tack för din respons om tillgängligheten i Etäpiste. Vårt svar:', yours: 'Din respons:', statement: 'Tillgänglighetsutlåtande' },
  en: { subject: 'Answer to your accessibility feedback', intro: 'Thank you for your feedback on the accessibility of Etäpiste. Our answer:', yours: 'Your feedback:', statement: 'Accessibility statement' },
};

const quote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

/** The answer in the language the sender wrote in (Finnish and Swedish when it is not known). */
export function answerMail(row: Pick<FeedbackRow, 'message' | 'language'>, answer: string, publicUrl?: string) {
  const langs: Language[] = row.language ? [row.language] : ['fi', 'sv'];
  const part = (lang: Language) => {
    const t = ANSWER[lang];
    const link = publicUrl ? `\n\n${t.statement}: ${new URL(STATEMENT_PATHS[lang], publicUrl).toString()}` : '';
    return `${t.intro}\n\n${answer}\n\n${t.yours}\n${quote(row.message)}${link}`;
  };
  return { subject: `Etäpiste: ${langs.map((l) => ANSWER[l].subject).join(' / ')}`, text: langs.map(part).join('\n\n---\n\n') };
}

const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);

/** The coordinators' reminder: how many items, their deadlines, and where the inbox is; never the contents. */
export function reminderMail(kind: 'day10' | 'overdue', dueDates: Date[], inboxUrl: string) {
  const days = dueDates.map((d) => `- ${d.toLocaleDateString('fi-FI', { timeZone: 'Europe/Helsinki' })}`).join('\n');
  const subject =
    kind === 'overdue'
      ? 'Etäpiste: saavutettavuuspalautteen vastausaika on ylittynyt / svarstiden för respons om tillgänglighet har överskridits / accessibility feedback overdue'
      : 'Etäpiste: saavutettavuuspalaute odottaa vastausta / respons om tillgänglighet väntar på svar / accessibility feedback awaits an answer';
  const text =
    kind === 'overdue'
      ? [
          `${dueDates.length} saavutettavuuspalautteen lakisääteinen 14 päivän vastausaika on ylittynyt. Määräpäivät:\n${days}\nVastaa: ${inboxUrl}`,
          `Den lagstadgade svarstiden på 14 dagar har överskridits för ${dueDates.length} respons om tillgänglighet. Sista dagar:\n${days}\nSvara: ${inboxUrl}`,
          `The 14-day answer deadline has passed for ${items(dueDates.length)} of accessibility feedback. Deadlines:\n${days}\nAnswer: ${inboxUrl}`,
        ]
      : [
          `${dueDates.length === 1 ? '1 saavutettavuuspalaute' : `${dueDates.length} saavutettavuuspalautetta`} odottaa vastausta. Lakisääteinen vastausaika päättyy:\n${days}\nVastaa: ${inboxUrl}`,
          `${dueDates.length} respons om tillgänglighet väntar på svar. Den lagstadgade svarstiden går ut:\n${days}\nSvara: ${inboxUrl}`,
          `${items(dueDates.length)} of accessibility feedback ${dueDates.length === 1 ? 'awaits' : 'await'} an answer. The legal deadline ends:\n${days}\nAnswer: ${inboxUrl}`,
        ];
  return { subject, text: text.join('\n\n') };
}
