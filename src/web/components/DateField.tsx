import { type ComponentProps, useEffect, useState } from 'react';
import { DateInput } from 'suomifi-ui-components';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../localized';

type Props = Omit<ComponentProps<typeof DateInput>, 'language' | 'datePickerEnabled'>;

/**
 * The app's date field: suomifi's DateInput with its picker in the UI language. Every date input goes through here.
 *
 * The kit names its picker button ("Choose date, selected date …") when the value first arrives, with the texts of
 * that moment, and its texts start Finnish until its own language effect runs: a field mounted with a value kept
 * "Valitse päivämäärä" in sv and en. So the value is handed over one render after mounting, once the kit's texts are
 * in the UI language, and the field is mounted afresh when the language changes.
 */
export function DateField(props: Props) {
  const { lang } = useLanguage();
  return <LanguageDateField key={lang} {...props} uiLang={lang} />;
}

function LanguageDateField({ uiLang, ...props }: Props & { uiLang: Language }) {
  const [settled, setSettled] = useState(false);
  useEffect(() => setSettled(true), []);
  const value = 'value' in props && !settled ? { value: '' } : {};
  return <DateInput {...props} {...value} language={uiLang} datePickerEnabled />;
}
