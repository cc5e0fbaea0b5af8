import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n/languages';

/** Each language named in itself, so a customer finds their own whatever is on screen now. */
const NAMES: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function LanguageButtons({ current, onChoose }: { current: Language; onChoose(lang: Language): void }) {
  const { t } = useTranslation('terminal');
  return (
    <div className="terminal-languages" role="group" aria-label={t('languageChoice')}>
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} className="terminal-language" aria-pressed={lang === current} onClick={() => onChoose(lang)}>
          {NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
