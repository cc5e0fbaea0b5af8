import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';
import { LANGUAGES, type LocalizedText } from '../../../../shared/common';

type Props = {
  legend: string;
  value: LocalizedText;
  onChange(value: LocalizedText): void;
  /** Languages whose field failed validation. */
  invalid?: (lang: keyof LocalizedText) => boolean;
};

/** One text in Finnish, Swedish and English: official names are bilingual, and the UI has English too. */
export function LocalizedTextFields({ legend, value, onChange, invalid }: Props) {
  const { t } = useTranslation('admin');
  return (
    <fieldset className="admin-fieldset">
      <legend>{legend}</legend>
      {LANGUAGES.map((lang) => (
        <TextInput
          key={lang}
          labelText={t(`localized.${lang}`, { field: legend })}
          value={value[lang]}
          onChange={(v) => onChange({ ...value, [lang]: String(v ?? '') })}
          status={invalid?.(lang) ? 'error' : 'default'}
          statusText={invalid?.(lang) ? t('validation.required') : undefined}
          lang={lang}
        />
      ))}
    </fieldset>
  );
}
