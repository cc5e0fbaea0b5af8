import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, RadioButton, RadioButtonGroup, Textarea } from 'suomifi-ui-components';
import { CONFORMANCE_LEVELS, type StatementVersionView } from '../../../shared/accessibility';
import type { Language } from '../../../shared/common';
import { ErrorAlert, StatusMessage } from '../../components/Alerts';
import { errorMessage } from '../../errors';
import { useSaveStatement } from './api';
import { ShortcomingsFields } from './ShortcomingsFields';
import { type StatementDraft, fromDraft, toDraft } from './statementDraft';
import { DateField } from '../../components/DateField';

type TextField = 'service' | 'feedback' | 'supervision' | 'assessment';

/** The main admin's form for one language's statement; saving adds a version and keeps the earlier ones. */
export function StatementForm({ current, language }: { current: StatementVersionView; language: Language }) {
  const { t } = useTranslation('accessibility');
  const [draft, setDraft] = useState<StatementDraft>(() => toDraft(current.content));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const save = useSaveStatement(language);
  const set = (patch: Partial<StatementDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const text = (field: TextField) => (
    <Textarea
      labelText={t(`editor.${field}`)}
      hintText={t(`editor.${field}Hint`)}
      value={draft[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      status={errors.has(field) ? 'error' : 'default'}
      statusText={errors.has(field) ? t(errors.get(field)!) : undefined}
      fullWidth
      rows={6}
      lang={language}
    />
  );
  const date = (field: 'statementDate' | 'reviewedOn') => (
    <DateField
      labelText={t(`editor.${field}`)}
      hintText={t('editor.dateHint')}
      value={draft[field]}
      onChange={({ value }) => set({ [field]: value })}
      status={errors.has(field) ? 'error' : 'default'}
      statusText={errors.has(field) ? t(errors.get(field)!) : undefined}
    />
  );

  return (
    <form
      className="admin-form a11y-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = fromDraft(draft);
        setErrors(result.errors);
        if (result.content) save.mutate(result.content);
      }}
    >
      {text('service')}
      {date('statementDate')}
      {date('reviewedOn')}
      <RadioButtonGroup labelText={t('editor.conformance')} name={`conformance-${language}`} value={draft.conformance} onChange={(v) => set({ conformance: v as StatementDraft['conformance'] })}>
        {CONFORMANCE_LEVELS.map((level) => (
          <RadioButton key={level} value={level}>
            {t(`editor.conformanceLevels.${level}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <ShortcomingsFields value={draft.shortcomings} onChange={(shortcomings) => set({ shortcomings })} errors={errors} />
      {text('feedback')}
      {text('supervision')}
      {text('assessment')}
      {errors.size > 0 && <ErrorAlert>{t('editor.fixErrors')}</ErrorAlert>}
      {save.isError && <ErrorAlert>{errorMessage(t, save.error)}</ErrorAlert>}
      <StatusMessage message={save.isSuccess ? t('editor.saved', { version: save.data.version }) : undefined} />
      <div className="admin-form-actions">
        <Button type="submit" disabled={save.isPending}>
          {t('editor.save')}
        </Button>
      </div>
    </form>
  );
}
