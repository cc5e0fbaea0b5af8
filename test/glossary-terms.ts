import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The forbidden variants of the fi/sv glossary (`docs/language.md`; the glossary and the review's findings are
 * in issue 19). test/glossary.test.ts scans every text source below and fails on any hit.
 *
 * A variant matches case-insensitively (unless `caseSensitive`) and only as whole words or word starts, with
 * Unicode letters as word characters (JavaScript's `\b` treats ä, ö and å as non-letters).
 */

export type Lang = 'fi' | 'sv';

export interface ForbiddenVariant {
  lang: Lang;
  /** What the variant is, as a reader would name it (shown in failures). */
  variant: string;
  /** The glossary's term to use instead. */
  preferred: string;
  /** Where the rule comes from: the glossary row or the review finding. */
  source: string;
  pattern: RegExp;
}

const L = '\\p{L}\\p{N}';
/** The stem at the start of a word, in any inflection or as the first part of a compound (virasto, viraston, virastotalo). */
const wordStart = (stem: string) => `(?<![${L}])${stem}[${L}]*`;
/** The stem anywhere inside a word, also as the last part of a compound (distanssakkunnig, servicestället). */
const inWord = (stem: string) => `[${L}]*${stem}[${L}]*`;
/** Exactly these words (each may hold a space or punctuation). */
const words = (...ws: string[]) => `(?<![${L}])(?:${ws.join('|')})(?![${L}])`;

function v(lang: Lang, variant: string, preferred: string, source: string, pattern: string, caseSensitive = false): ForbiddenVariant {
  return { lang, variant, preferred, source, pattern: new RegExp(pattern, caseSensitive ? 'gu' : 'giu') };
}

export const FORBIDDEN: ForbiddenVariant[] = [
  // ---- Finnish
  // Word-start on purpose: any word beginning virasto- (virastot, virastolle, virastokohtainen, virastotalo) names
  // an agency with the wrong word. Official names that merely end in -virasto (Digi- ja väestötietovirasto,
  // aluehallintovirasto) are proper names and are not matched.
  v('fi', 'virasto', 'viranomainen', 'glossary 8, finding 8', wordStart('virast')),
  v('fi', 'toimeksiantajavirasto', 'toimeksiantaja', 'glossary 9, finding 28', inWord('toimeksiantajavirast')),
  v('fi', 'asiointipääte', 'asiakaspääte (staff) / kosketusnäyttö (customer)', 'glossary 4, finding 6', inWord('asiointipäät')),
  // pääte alone, in any inflection (partitive päätettä); not päätetty / päätettävä (decided) or päättely.
  v('fi', 'pääte (alone)', 'asiakaspääte', 'glossary 4, finding 23', words('pääte', 'päätettä', 'päätte(?!l)[\\p{L}]*')),
  v('fi', 'parituskoodi / paritus', 'käyttöönottokoodi', 'glossary 5, finding 22', inWord('paritu')),
  v('fi', 'parinmuodostuskoodi', 'käyttöönottokoodi', 'glossary 5, finding 22', inWord('parinmuodostu')),
  v('fi', 'kutsunappi', 'kutsupainike', 'glossary 24, finding 24', inWord('kutsunap')),
  v('fi', 'MFA', 'kaksivaiheinen tunnistautuminen', 'glossary (two-step verification), finding 27', words('MFA'), true),
  v('fi', 'monivaiheinen tunnistautuminen', 'kaksivaiheinen tunnistautuminen', 'glossary (two-step verification), finding 27', wordStart('monivaihei')),
  v('fi', 'arkipyhä', 'juhlapyhä', 'finding 41', inWord('arkipyh')),
  v('fi', 'mitätöidä (revoke)', 'poistaa käytöstä / poistettu käytöstä', 'finding 23', wordStart('mitätö')),
  v('fi', 'ylläpitäjä (role)', 'pääkäyttäjä (järjestelmän / viranomaisen)', 'glossary (main admin, agency admin), finding 26', inWord('ylläpitäj')),
  v('fi', 'asiakirjakamera', 'dokumenttikamera', 'glossary (document camera), finding 5', inWord('asiakirjakamer')),

  // ---- Swedish
  v('sv', 'serviceställe', 'servicepunkt', 'glossary 1, finding 9', inWord('serviceställ')),
  v('sv', 'utrymme (room)', 'rum / distansservicerum', 'glossary 3, finding 29', wordStart('utrymm')),
  v('sv', 'checka in', 'anmäla sin ankomst / anmäla sig', 'glossary 14, finding 2', words('check(?:a|ar|at|ade) in')),
  v('sv', 'incheckad / incheckning', 'anmäld / anmälan', 'glossary 14, findings 2 and 19', inWord('incheck')),
  v('sv', 'anländ (state)', 'anmäld', 'finding 19', words('anländ')),
  v('sv', 'parkopplingskod / parkoppla', 'aktiveringskod / aktivera', 'glossary 5, finding 22', inWord('parkoppl')),
  v('sv', 'sakkunnig', 'expert / distansexpert', 'glossary 7, finding 25', inWord('sakkunnig')),
  v('sv', 'kallelse / kallelseknapp', 'hjälpanrop / anropsknapp (inbjudan for an invitation)', 'glossary 24, finding 24', wordStart('kallelse')),
  v('sv', '"kalla en …" (summon)', 'kalla på', 'finding 1', words('kalla en', 'kalla på nytt')),
  v('sv', 'identitetskontroll', 'verifiering av identiteten', 'glossary 21, finding 10', inWord('identitetskontroll')),
  v('sv', 'styrkt (identity)', 'verifierad', 'glossary 21, finding 10', wordStart('styrkt')),
  v('sv', 'uppdragsgivande / uppdragstagande myndighet', 'uppdragsgivare / uppdragstagare', 'glossary 9, finding 28', wordStart('uppdrags(?:givande|tagande)')),
  v('sv', 'ärendespråk', 'kontaktspråk', 'glossary 17, finding 11', inWord('ärendespråk')),
  v('sv', 'MFA', 'tvåstegsverifiering', 'glossary (two-step verification), finding 27', words('MFA'), true),
  v('sv', 'flerstegsautentisering', 'tvåstegsverifiering', 'glossary (two-step verification), finding 27', wordStart('flerstegs')),
  v('sv', 'administratör (role)', 'huvudanvändare (systemets / myndighetens)', 'glossary (main admin, agency admin), finding 26', inWord('administratör')),
  // Either a marker in the text or the whole of an `optional` text (suomifi shows it in parentheses).
  v('sv', '(valfritt) / (frivilligt)', '(frivillig)', 'glossary (optional), finding 39', '\\((?:valfri|valfritt|frivilligt)\\)|^(?:valfri|valfritt|frivilligt)$'),
  v('sv', 'integritetskontroll', 'kontroll av att loggen är oförändrad', 'finding 30', inWord('integritetskontroll')),
  v('sv', 'kontrollera integriteten', 'kontrollera loggen', 'finding 30', words('kontrollera integriteten')),
  v('sv', 'hen (pronoun)', 'rephrase: personen, användaren, kunden …', 'finding 38', words('hen', 'hens', 'henom')),
];

/** One text a user can read: where it is (file and key path) and what it says. */
export interface Text {
  file: string;
  key: string;
  text: string;
}

export interface TextSource {
  lang: Lang;
  /** Shown in failures; also the name PENDING_FILES and ALLOWED refer to. */
  name: string;
  texts(): Text[] | Promise<Text[]>;
}

/** Every string value of a nested object (arrays and functions included: a function's source holds its template text). */
export function stringsOf(value: unknown, file: string, prefix = ''): Text[] {
  if (typeof value === 'string') return [{ file, key: prefix, text: value }];
  if (typeof value === 'function') return [{ file, key: prefix, text: Function.prototype.toString.call(value) }];
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, vv]) => stringsOf(vv, file, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** Every JSON file of one language's web translations, one source per file (`src/web/i18n/fi/admin.json`). */
export function webTranslations(lang: Lang, root = path.resolve('src/web/i18n')): TextSource[] {
  const dir = path.join(root, lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.relative(process.cwd(), path.join(dir, f));
      return { lang, name: file, texts: () => stringsOf(JSON.parse(readFileSync(path.join(dir, f), 'utf8')), file) };
    });
}

/**
 * The sources the test scans. Server-side texts (e-mail/SMS templates, receipt and retention texts, seed data) are
 * to be added here as sources too, e.g.
 *   { lang: 'sv', name: 'src/server/modules/notifications/templates/sv.ts',
 *     texts: async () => stringsOf((await import('../src/server/modules/notifications/templates/sv.js')).sv, '…/sv.ts') }
 */
export const SOURCES: TextSource[] = [...webTranslations('fi'), ...webTranslations('sv'), ...serverTexts('fi'), ...serverTexts('sv')];

/** The customer's and staff's texts written on the server: e-mail and SMS templates, the receipt, the retention mail. */
function serverTexts(lang: Lang): TextSource[] {
  const root = '../src/server/modules';
  const source = (file: string, texts: () => Promise<Text[]>): TextSource => ({ lang, name: `src/server/modules/${file}`, texts });
  return [
    source(`notifications/templates/${lang}.ts`, async () => {
      const { templates } = await import(`${root}/notifications/templates/index.js`);
      return stringsOf(templates[lang], `src/server/modules/notifications/templates/${lang}.ts`);
    }),
    source(`documents/receipt-texts.ts#${lang}`, async () => {
      const { RECEIPT_TEXTS } = await import(`${root}/documents/receipt-texts.js`);
      return stringsOf(RECEIPT_TEXTS[lang], `src/server/modules/documents/receipt-texts.ts#${lang}`);
    }),
    // The demo world's names (organisations, points, services, rooms, call buttons): read as written in the seed, with
    // both languages' names side by side, so each language's rules see the other's names too (none has clashed).
    ...['demo.ts', 'scheduling.ts'].map((file) => ({
      lang,
      name: `src/server/db/seed/${file}#${lang}`,
      texts: () => [{ file: `src/server/db/seed/${file}`, key: '(source)', text: readFileSync(path.resolve('src/server/db/seed', file), 'utf8') }],
    })),
    source(`privacy/export-labels.ts#${lang}`, async () => {
      const { exportLabels } = await import(`${root}/privacy/export-labels.js`);
      return stringsOf(exportLabels(lang), `src/server/modules/privacy/export-labels.ts#${lang}`);
    }),
    source(`documents/retention-mail.ts#${lang}`, async () => {
      const { retentionMail } = await import(`${root}/documents/retention-mail.js`);
      // The mail is trilingual, one paragraph per language (fi, sv, en): scan this language's paragraph.
      const paragraph = lang === 'fi' ? 0 : 1;
      return [1, 3].map((count) => ({
        file: `src/server/modules/documents/retention-mail.ts#${lang}`,
        key: `text(count=${count})`,
        text: retentionMail(count, new Date('2026-03-03T08:00:00Z'), 'https://etapiste.example/x').text.split('\n\n')[paragraph]!,
      }));
    }),
  ];
}

/**
 * Sources a branch may skip while another branch fixes them in parallel (names from SOURCES). Must be empty on main;
 * it is, since the kiosk and desk texts were merged.
 */
export const PENDING_FILES: string[] = [];

/** Genuine exceptions: a text that must keep a forbidden variant (e.g. a legal full name). Keep it tiny. */
export interface Allowed {
  file: string;
  key: string;
  variant: string;
  why: string;
}
export const ALLOWED: Allowed[] = [];

export interface Hit {
  variant: ForbiddenVariant;
  match: string;
}

/** The forbidden variants of `lang` found in `text`. */
export function findForbidden(lang: Lang, text: string): Hit[] {
  const hits: Hit[] = [];
  for (const variant of FORBIDDEN) {
    if (variant.lang !== lang) continue;
    for (const m of text.matchAll(variant.pattern)) hits.push({ variant, match: m[0] });
  }
  return hits;
}
