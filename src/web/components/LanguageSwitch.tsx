import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/languages';
import { setLanguage } from '../i18n/index';

/** fi / sv / en; the choice is remembered in this browser. */
export function LanguageSwitch({ onChange }: { onChange?: (lang: Language) => void }) {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Language;
  const code = current.toUpperCase();
  return (
    <LanguageMenu
      buttonText={code}
      // WCAG 2.5.3 Label in Name: the visible "FI" starts the accessible name ("FI – Kieli: Suomi").
      aria-label={`${code} – ${t('language.current', { language: t(`language.${current}`) })}`}
      className="language-switch"
    >
      {LANGUAGES.map((lang) => (
        <LanguageMenuItem
          key={lang}
          lang={lang}
          selected={lang === current}
          onSelect={() => {
            setLanguage(lang);
            onChange?.(lang);
          }}
        >
          {t(`language.${lang}`)}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
