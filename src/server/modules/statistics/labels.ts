import type { Language } from '../../../shared/common.js';
import type { Translate } from '../../../shared/statistics-columns.js';
// The exports speak the page's words: the web app's own translation files, bundled into the server.
import enScheduling from '../../../web/i18n/en/scheduling.json' with { type: 'json' };
import en from '../../../web/i18n/en/statistics.json' with { type: 'json' };
import fiScheduling from '../../../web/i18n/fi/scheduling.json' with { type: 'json' };
import fi from '../../../web/i18n/fi/statistics.json' with { type: 'json' };
import svScheduling from '../../../web/i18n/sv/scheduling.json' with { type: 'json' };
import sv from '../../../web/i18n/sv/statistics.json' with { type: 'json' };

const TEXTS = { fi, sv, en } as const;
const LANGUAGE_NAMES = { fi: fiScheduling.languages, sv: svScheduling.languages, en: enScheduling.languages } as const;

/** i18next's `t` for the statistics namespace, enough for the exports: dotted keys and {{name}} placeholders. */
export function translator(lang: Language): Translate {
  return (key, params = {}) => {
    let node: unknown = TEXTS[lang];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === 'string' ? node : key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

/** A language's name as the web app writes it (its list first, then the platform's, then the code). */
export function languageNamer(lang: Language): (code: string) => string {
  const names = LANGUAGE_NAMES[lang] as Record<string, string>;
  const platform = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  return (code) => names[code] ?? platform.of(code) ?? code;
}
