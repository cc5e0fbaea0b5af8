import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, CheckboxGroup, InlineAlert, TextInput } from 'suomifi-ui-components';
import { interpreterInput } from '../../../../shared/scheduling';
import { invalidPaths } from '../common/validation';
import { SIGN_AND_SAMI_LANGUAGES, SPOKEN_LANGUAGES, languageLabel, parseCodes } from './languages';
import { schedulingError } from './schedulingError';
import type { InterpreterBody, InterpreterView } from './useScheduling';

type Draft = { name: string; provider: string; languages: string[]; other: string };
const LISTED: readonly string[] = [...SIGN_AND_SAMI_LANGUAGES, ...SPOKEN_LANGUAGES];

export const emptyInterpreterDraft = (): Draft => ({ name: '', provider: '', languages: [], other: '' });
export const draftFromInterpreter = (i: InterpreterView): Draft => ({
  name: i.name,
  provider: i.provider,
  languages: i.languages.filter((l) => LISTED.includes(l)),
  other: i.languages.filter((l) => !LISTED.includes(l)).join(', '),
});

type Props = {
  initial: Draft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved?: boolean;
  onSubmit(body: InterpreterBody): void;
  onEdit?(): void;
};

/** Name, interpreting service provider and languages: sign languages, Sámi languages and spoken languages. */
export function InterpreterForm({ initial, submitLabel, pending, error, saved, onSubmit, onEdit }: Props) {
  const { t } = useTranslation(['scheduling', 'admin']);
  const [draft, setDraft] = useState(initial);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    onEdit?.();
  };
  const toggle = (code: string, on: boolean) => set({ languages: on ? [...draft.languages, code] : draft.languages.filter((l) => l !== code) });
  const noLanguage = invalid.has('languages');
  const group = (legend: string, codes: readonly string[], hint?: string) => (
    <CheckboxGroup className="sched-columns" labelText={legend} groupHintText={hint} groupStatus={noLanguage ? 'error' : 'default'}>
      {codes.map((code) => (
        <Checkbox key={code} checked={draft.languages.includes(code)} onClick={({ checkboxState }) => toggle(code, checkboxState)}>
          {languageLabel(t, code)}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const others = parseCodes(draft.other);
        const body = { name: draft.name.trim(), provider: draft.provider.trim(), languages: [...new Set([...draft.languages, ...others.codes])] };
        const found = invalidPaths(interpreterInput.safeParse(body));
        if (others.invalid.length) found.add('other');
        setInvalid(found);
        if (found.size === 0) onSubmit(body);
      }}
    >
      <TextInput
        labelText={t('interpreters.name')}
        value={draft.name}
        onChange={(v) => set({ name: String(v ?? '') })}
        status={invalid.has('name') ? 'error' : 'default'}
        statusText={invalid.has('name') ? t('admin:validation.required') : undefined}
      />
      <TextInput
        labelText={t('interpreters.provider')}
        hintText={t('interpreters.providerHint')}
        value={draft.provider}
        onChange={(v) => set({ provider: String(v ?? '') })}
        status={invalid.has('provider') ? 'error' : 'default'}
        statusText={invalid.has('provider') ? t('admin:validation.required') : undefined}
      />
      {group(t('interpreters.signAndSami'), SIGN_AND_SAMI_LANGUAGES, t('interpreters.languagesHint'))}
      {group(t('interpreters.spoken'), SPOKEN_LANGUAGES)}
      <TextInput
        labelText={t('interpreters.otherLanguages')}
        optionalText={t('optional')}
        hintText={t('languages.codesHint')}
        value={draft.other}
        onChange={(v) => set({ other: String(v ?? '') })}
        status={invalid.has('other') ? 'error' : 'default'}
        statusText={invalid.has('other') ? t('validation.codes') : undefined}
      />
      {noLanguage && <InlineAlert status="error">{t('validation.languages')}</InlineAlert>}
      {!!error && <InlineAlert status="error">{schedulingError(t, error)}</InlineAlert>}
      <div className="admin-form-actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <p role="status" className="admin-status">
          {saved ? t('admin:saved') : ''}
        </p>
      </div>
    </form>
  );
}
