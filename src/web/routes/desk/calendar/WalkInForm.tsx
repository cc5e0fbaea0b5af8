import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import type { Language } from '../../../../shared/common';
import { walkInInput } from '../../../../shared/scheduling';
import { ErrorAlert, StatusMessage } from '../../../components/Alerts';
import { LANGUAGES } from '../../../i18n/languages';
import { useDelegatedTasks } from '../../agreements/api';
import { calendarError } from './calendarError';
import { useQueueWalkIn } from './queries';
import { type ServiceChoice, ServiceChooser } from './ServiceChooser';

/** The advisor queues a customer who came without a booking; the agency's experts see the queue and take them. */
export function WalkInForm({ servicePointId }: { servicePointId: string }) {
  const { t } = useTranslation('calendar');
  const [choice, setChoice] = useState<ServiceChoice>({ servicePointId });
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Language>();
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const queue = useQueueWalkIn();
  // A walk-in is served today: only agencies whose agreement delegates bookings (and connection help) here today.
  const delegated = useDelegatedTasks(servicePointId);
  const agencyIds = delegated.data?.agencies.filter((a) => a.tasks.includes('booking')).map((a) => a.agencyId);
  return (
    <form
      className="cal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = walkInInput.safeParse({ ...choice, servicePointId, customerName: name, language });
        setInvalid(new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]))));
        if (!parsed.success) return;
        queue.mutate(parsed.data, {
          onSuccess: () => {
            setName('');
            setLanguage(undefined);
          },
        });
      }}
    >
      <ServiceChooser value={choice} onChange={(c) => setChoice({ ...c, servicePointId })} agencyIds={agencyIds ?? []} />
      {(invalid.has('agencyId') || invalid.has('serviceId')) && <ErrorAlert>{t('walkIn.chooseService')}</ErrorAlert>}
      <TextInput
        labelText={t('form.name')}
        autoComplete="off"
        value={name}
        onChange={(v) => {
          setName(String(v ?? ''));
          queue.reset();
        }}
        status={invalid.has('customerName') ? 'error' : 'default'}
        statusText={invalid.has('customerName') ? t('validation.required') : undefined}
      />
      <RadioButtonGroup
        labelText={t('form.language')}
        name="walk-in-language"
        value={language ?? ''}
        onChange={(v) => setLanguage(v as Language)}
        groupStatus={invalid.has('language') ? 'error' : 'default'}
        groupStatusText={invalid.has('language') ? t('validation.choose') : undefined}
      >
        {LANGUAGES.map((l) => (
          <RadioButton key={l} value={l}>
            {t(`bookingLanguage.${l}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      {queue.isError && <ErrorAlert>{calendarError(t, queue.error)}</ErrorAlert>}
      <StatusMessage message={queue.isSuccess ? t('walkIn.queued', { name: queue.data.customerName }) : undefined} />
      <div className="cal-form-actions">
        <Button type="submit" disabled={queue.isPending}>
          {t('walkIn.submit')}
        </Button>
      </div>
    </form>
  );
}
