import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, isLanguage } from './languages';

/**
 * Translations live in i18n/<language>/<namespace>.json: one namespace per area, so areas can grow
 * independently. test/i18n-keys.test.ts fails when fi, sv and en do not hold the same keys.
 *
 * The namespaces of the shell and the sign-in page are bundled; every other namespace is its own small chunk,
 * fetched when a component first asks for it (react-i18next suspends meanwhile) and, on a language switch,
 * fetched for the new language before the switch takes effect.
 */
const EAGER = import.meta.glob<{ default: ResourceKey }>(['./*/common.json', './*/login.json'], { eager: true });
const LAZY = import.meta.glob<{ default: ResourceKey }>(['./*/*.json', '!./*/common.json', '!./*/login.json']);

const fileOf = (file: string) => /^\.\/(\w+)\/([\w-]+)\.json$/.exec(file)!.slice(1) as [string, string];

const resources: Record<string, Record<string, ResourceKey>> = {};
for (const [file, mod] of Object.entries(EAGER)) {
  const [lang, ns] = fileOf(file);
  (resources[lang] ??= {})[ns] = mod.default;
}

const lazyNamespaces: BackendModule = {
  type: 'backend',
  init() {},
  read(lang, ns, callback) {
    const load = LAZY[`./${lang}/${ns}.json`];
    if (!load) return callback(null, {});
    load().then(
      (mod) => callback(null, mod.default),
      (err: Error) => callback(err, false),
    );
  },
};

const STORAGE_KEY = 'etapiste.language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'fi';
}

/** The staff apps' language choice, remembered in this browser. */
export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n
  .use(lazyNamespaces)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: initialLanguage(),
    supportedLngs: ['fi', 'sv', 'en'],
    fallbackLng: false,
    ns: ['common', 'login'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
document.documentElement.lang = i18n.language;

export default i18n;
