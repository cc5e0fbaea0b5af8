import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import type { WorkingHoursView } from '../../../../shared/scheduling';
import { QueryState } from '../common/QueryState';
import { ExceptionsEditor } from './ExceptionsEditor';
import { type HoursDraft, type HoursErrors, bodyFromDraft, draftFromView, validateHours } from './hoursDraft';
import { schedulingError } from './schedulingError';
import { type HoursOwner, useSaveWorkingHours, useWorkingHours } from './useScheduling';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';
// The form is also shown under My account, outside the admin area that loads the admin styles.
import '../admin.css';

/** An expert's or an interpreter's weekly pattern and exceptions, saved together (the API replaces both). */
export function WorkingHoursForm({ owner }: { owner: HoursOwner }) {
  const hours = useWorkingHours(owner);
  return <QueryState query={hours}>{(view) => <HoursEditor key={`${owner.kind}:${owner.id}`} owner={owner} initial={view} />}</QueryState>;
}

function HoursEditor({ owner, initial }: { owner: HoursOwner; initial: WorkingHoursView }) {
  const { t } = useTranslation('scheduling');
  const save = useSaveWorkingHours(owner);
  const [draft, setDraft] = useState<HoursDraft>(() => draftFromView(initial));
  const [errors, setErrors] = useState<HoursErrors>(new Map());
  const edit = (patch: Partial<HoursDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (save.isSuccess || save.isError) save.reset();
  };
  return (
    <form
      className="admin-form sched-hours-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = validateHours(draft);
        setErrors(found);
        if (found.size === 0) save.mutate(bodyFromDraft(draft));
      }}
    >
      <WeeklyHoursEditor week={draft.week} onChange={(week) => edit({ week })} errors={errors} />
      <ExceptionsEditor exceptions={draft.exceptions} onChange={(exceptions) => edit({ exceptions })} errors={errors} />
      {errors.size > 0 && <InlineAlert status="error">{t('validation.check')}</InlineAlert>}
      {save.isError && <InlineAlert status="error">{schedulingError(t, save.error)}</InlineAlert>}
      <div className="admin-form-actions">
        <Button type="submit" disabled={save.isPending}>
          {t('hours.save')}
        </Button>
        <p role="status" className="admin-status">
          {save.isSuccess ? t('hours.saved') : ''}
        </p>
      </div>
    </form>
  );
}
