import { describe, expect, it } from 'vitest';
import { ALLOWED, FORBIDDEN, type Lang, PENDING_FILES, SOURCES, findForbidden, stringsOf } from './glossary-terms';

/**
 * One term per concept in Finnish and Swedish (docs/language.md). Fails when a forbidden variant of a glossary
 * term appears in any scanned text, naming the file, the key, the text and the term to use.
 */

const variantsOf = (lang: Lang, text: string) => findForbidden(lang, text).map((h) => h.variant.variant);

describe('the glossary matcher', () => {
  it('catches inflected and compound forms of a forbidden variant', () => {
    expect(variantsOf('fi', 'Kaikki virastot')).toEqual(['virasto']);
    expect(variantsOf('fi', 'Valitse viraston asiantuntija.')).toEqual(['virasto']);
    expect(variantsOf('fi', 'Palvelut kuuluvat toimeksiantajavirastolle.')).toEqual(['toimeksiantajavirasto']);
    expect(variantsOf('fi', 'Uusi parinmuodostuskoodi')).toEqual(['parinmuodostuskoodi']);
    expect(variantsOf('fi', 'Kirjoita koodi päätteelle.')).toEqual(['pääte (alone)']);
    expect(variantsOf('fi', 'Nollaa MFA:n')).toEqual(['MFA']);
    expect(variantsOf('sv', 'Ring servicestället.')).toEqual(['serviceställe']);
    expect(variantsOf('sv', 'Distanssakkunnigas vy')).toEqual(['sakkunnig']);
    expect(variantsOf('sv', 'Du har checkat in')).toEqual(['checka in']);
    expect(variantsOf('sv', 'Identitetskontrollen är klar')).toEqual(['identitetskontroll']);
    expect(variantsOf('sv', 'Hen måste logga in.')).toEqual(['hen (pronoun)']);
    expect(variantsOf('sv', 'Anteckning (valfritt)')).toEqual(['(valfritt) / (frivilligt)']);
    expect(variantsOf('sv', 'frivilligt')).toEqual(['(valfritt) / (frivilligt)']); // a whole `optional` text
  });

  it('does not flag the preferred terms, nor words that merely contain a variant', () => {
    for (const text of [
      'Kaikki viranomaiset',
      'Viranomaisen pääkäyttäjä',
      'Digi- ja väestötietoviraston asiantuntija', // an official name ending in -virasto
      'Rekisteröinti aluehallintovirastoon (AVI)',
      'Lisää asiakaspääte',
      'Asiakaspäätteen käyttöönottokoodi',
      'Kulusta on jo päätetty.',
      'Kaksivaiheinen tunnistautuminen käytössä',
      'Suljettu juhlapyhien lisäksi.',
    ])
      expect(variantsOf('fi', text), text).toEqual([]);
    for (const text of [
      'Ring servicepunkten.',
      'Vy för distansexperter',
      'Anmäl din ankomst',
      'Verifiering av identiteten',
      'Användaren måste logga in. Hennes konto',
      'Anteckning (frivillig)',
      'Tvåstegsverifiering i bruk',
      'Systemets huvudanvändare',
      'Rum',
    ])
      expect(variantsOf('sv', text), text).toEqual([]);
  });

  it('reads every string of a module, also the template text of a function', () => {
    const templates = { subject: { x: 'Bokning' }, hint: (p: string) => `Ring servicestället ${p}.` };
    const hits = stringsOf(templates, 'sv.ts').flatMap((t) => findForbidden('sv', t.text).map(() => t.key));
    expect(hits).toEqual(['hint']);
  });

  it('holds only well-formed rules', () => {
    for (const f of FORBIDDEN) {
      expect(f.preferred, f.variant).not.toBe('');
      expect(f.source, f.variant).not.toBe('');
      // The preferred term must not itself be forbidden (a rule that cannot be obeyed).
      const preferredHits = findForbidden(f.lang, f.preferred).filter((h) => h.variant === f);
      expect(preferredHits, `${f.lang} ${f.variant}`).toEqual([]);
    }
  });
});

describe('the glossary in the texts', () => {
  const scanned = SOURCES.filter((s) => !PENDING_FILES.includes(s.name));

  it('scans the translations of both languages', () => {
    expect(scanned.some((s) => s.name === 'src/web/i18n/fi/admin.json')).toBe(true);
    expect(scanned.some((s) => s.name === 'src/web/i18n/sv/admin.json')).toBe(true);
    // PENDING_FILES is a temporary list of files another branch fixes; every name in it is a real source.
    for (const name of PENDING_FILES) expect(SOURCES.map((s) => s.name)).toContain(name);
  });

  it.each(scanned.map((s) => [s.name, s] as const))('%s uses no forbidden variant', async (_name, source) => {
    const problems: string[] = [];
    for (const { file, key, text } of await source.texts())
      for (const { variant, match } of findForbidden(source.lang, text)) {
        const allowed = ALLOWED.some((a) => a.file === file && a.key === key && a.variant === variant.variant);
        if (!allowed)
          problems.push(`${file} ${key}: "${text}" uses "${match}" (${variant.variant}); use "${variant.preferred}" [${variant.source}]`);
      }
    expect(problems).toEqual([]);
  });

  it('keeps no stale exception', async () => {
    for (const a of ALLOWED) {
      const source = SOURCES.find((s) => s.name === a.file);
      const text = (await source?.texts())?.find((t) => t.key === a.key)?.text ?? '';
      expect(findForbidden(source?.lang ?? 'fi', text).map((h) => h.variant.variant), `${a.file} ${a.key}`).toContain(a.variant);
    }
  });
});
