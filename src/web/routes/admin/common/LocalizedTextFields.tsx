import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';
import { LANGUAGES, type LocalizedText } from '../../../../shared/common';

type Props = {
  legend: string;
  value: LocalizedText;
  onChange(value: LocalizedText): void;
  /** Languages whose field failed validation. */
  invalid?: (lang: keyof LocalizedText) => boolean;
  /** A sentence under the legend, read with each field. */
  hint?: string;
};

/** One text in Finnish, Swedish and English: official names are bilingual, and the UI has English too. */
export function LocalizedTextFields({ legend, value, onChange, invalid, hint }: Props) {
  const { t } = useTranslation('admin');
  const hintId = useId();
  return (
    <fieldset className="admin-fieldset">
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="admin-hint">
          {hint}
        </p>
      )}
      {LANGUAGES.map((lang) => (
        <TextInput
          key={lang}
          labelText={t(`localized.${lang}`, { field: legend })}
          value={value[lang]}
          onChange={(v) => onChange({ ...value, [lang]: String(v ?? '') })}
          status={invalid?.(lang) ? 'error' : 'default'}
          statusText={invalid?.(lang) ? t('validation.required') : undefined}
          lang={lang}
          aria-describedby={hint ? hintId : undefined}
        />
      ))}
    </fieldset>
  );
}
