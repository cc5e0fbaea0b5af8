import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';

/** The app's own translation files through i18next, configured as the web app configures it. */
async function translator(lang: 'fi' | 'sv' | 'en') {
  const read = (ns: string) => JSON.parse(readFileSync(path.resolve('src/web/i18n', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  const i18n = createInstance();
  await i18n.init({
    lng: lang,
    resources: { [lang]: { documents: read('documents'), assistance: read('assistance'), calendar: read('calendar') } },
    defaultNS: 'documents',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n);
}

/** What HandoverEditorPage and the expert's inbox show: two separately pluralised counts. */
const pagesAndFiles = (t: Awaited<ReturnType<typeof translator>>, pages: number, files: number) =>
  `${t('facts.pages', { count: pages })}, ${t('facts.files', { count: files })}`;

/** What the expert's retention notice shows (ExpertDocumentsArea): handovers and days, each with its own count. */
const retention = (t: Awaited<ReturnType<typeof translator>>, handovers: number, days: number) =>
  t('retention.notice', { count: handovers, date: '8.12.2026 klo 9.00', within: t('retention.within', { count: days }) });

describe('counted texts take the count’s grammatical number', () => {
  it('a one-page, one-file handover: "1 sivu, 1 tiedosto" / "1 sida, 1 fil"; more: plural', async () => {
    const fi = await translator('fi');
    const sv = await translator('sv');
    const en = await translator('en');
    expect(pagesAndFiles(fi, 1, 1)).toBe('1 sivu, 1 tiedosto');
    expect(pagesAndFiles(sv, 1, 1)).toBe('1 sida, 1 fil');
    expect(pagesAndFiles(en, 1, 1)).toBe('1 page, 1 file');
    expect(pagesAndFiles(fi, 3, 2)).toBe('3 sivua, 2 tiedostoa');
    expect(pagesAndFiles(sv, 3, 2)).toBe('3 sidor, 2 filer');
    // The label of the same fact, asked without a count, stays the plain heading.
    expect(fi('facts.pages')).toBe('Sivut');
  });

  it('the retention notice pluralises the handovers and the days separately', async () => {
    const fi = await translator('fi');
    const sv = await translator('sv');
    const en = await translator('en');
    expect(retention(fi, 1, 1)).toBe('1 kuittaamaton luovutus poistetaan 1 päivän kuluessa (ensimmäinen 8.12.2026 klo 9.00).');
    expect(retention(sv, 1, 1)).toBe('1 okvitterad överlämning raderas inom 1 dag (den första 8.12.2026 klo 9.00).');
    expect(retention(sv, 3, 2)).toBe('3 okvitterade överlämningar raderas inom 2 dagar (den första 8.12.2026 klo 9.00).');
    expect(retention(en, 1, 1)).toBe('1 unacknowledged handover will be purged within 1 day (the first on 8.12.2026 klo 9.00).');
    expect(retention(fi, 2, 2)).toBe('2 kuittaamatonta luovutusta poistetaan 2 päivän kuluessa (ensimmäinen 8.12.2026 klo 9.00).');
  });

  it('other counted kiosk and desk texts', async () => {
    const fi = await translator('fi');
    const sv = await translator('sv');
    expect(sv('assistance:identity.earlier', { count: 1 })).toBe('1 tidigare verifiering');
    expect(sv('assistance:identity.earlier', { count: 2 })).toBe('2 tidigare verifieringar');
    expect(fi('assistance:call.presses', { count: 1 })).toBe('painettu 1 kerran');
    expect(sv('calendar:search.count', { count: 1 })).toBe('1 bokning hittades.');
    expect(fi('calendar:messages.failedTitle', { count: 2 })).toBe('2 viestiä ei mennyt perille');
  });
});
