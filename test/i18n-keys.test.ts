import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('src/web/i18n');
const languages = ['fi', 'sv', 'en'];

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

function load(lang: string) {
  const all = new Map<string, string>();
  for (const file of readdirSync(path.join(root, lang)).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    for (const [k, v] of flatten(JSON.parse(readFileSync(path.join(root, lang, file), 'utf8')))) all.set(`${ns}:${k}`, v);
  }
  return all;
}

describe('translations', () => {
  const byLang = Object.fromEntries(languages.map((l) => [l, load(l)]));

  it.each(languages)('%s holds exactly the same keys as the others', (lang) => {
    const keys = [...byLang[lang]!.keys()].sort();
    for (const other of languages) expect(keys, `${lang} vs ${other}`).toEqual([...byLang[other]!.keys()].sort());
  });

  it.each(languages)('%s has no empty strings and the same {{placeholders}} as Finnish', (lang) => {
    for (const [key, value] of byLang[lang]!) {
      expect(value.trim(), key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(value), key).toEqual(placeholders(byLang.fi!.get(key) ?? ''));
    }
  });
});
