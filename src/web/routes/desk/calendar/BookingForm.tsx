import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, RadioButton, RadioButtonGroup, TextInput, Textarea } from 'suomifi-ui-components';
import type { Language } from '../../../../shared/common';
import { type BookingView, type ServiceView, TEXT_LIMITS } from '../../../../shared/scheduling';
import { ErrorAlert } from '../../../components/Alerts';
import { LANGUAGES } from '../../../i18n/languages';
import { calendarError, isSlotProblem } from './calendarError';
import { BOOKING_CHANNELS, type BookingBase, type CustomerDraft, type Field, type FieldProblem, checkDraft, serverProblems } from './customerDraft';
import { useCreateBooking } from './queries';

type Props = {
  base: BookingBase;
  service: ServiceView;
  draft: CustomerDraft;
  onDraft(draft: CustomerDraft): void;
  /** What is being booked, shown above the fields. */
  summary: ReactNode;
  onCreated(booking: BookingView): void;
  /** The time was taken or is no longer bookable: back to the free times, with the reason. */
  onSlotLost(reason: string): void;
  onChangeTime(): void;
};

/** The customer's details for a chosen free time; checked with the same schema the server uses. */
export function BookingForm({ base, service, draft, onDraft, summary, onCreated, onSlotLost, onChangeTime }: Props) {
  const { t } = useTranslation('calendar');
  const create = useCreateBooking();
  const [problems, setProblems] = useState<Map<Field, FieldProblem>>(new Map());
  const languages = LANGUAGES.filter((l) => service.languages.includes(l));
  const set = (patch: Partial<CustomerDraft>) => {
    onDraft({ ...draft, ...patch });
    create.reset();
  };
  const status = (field: Field) =>
    problems.has(field) ? { status: 'error' as const, statusText: t(`validation.${problems.get(field)!}`, { max: TEXT_LIMITS.customerName }) } : { status: 'default' as const };

  const submit = () => {
    const checked = checkDraft(base, draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems(new Map());
    create.mutate(checked.body, {
      onSuccess: onCreated,
      onError: (error) => {
        if (isSlotProblem(error)) onSlotLost(calendarError(t, error));
        else setProblems(serverProblems(error));
      },
    });
  };

  return (
    <form
      className="cal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="cal-form-summary">{summary}</div>
      <TextInput labelText={t('form.name')} autoComplete="off" value={draft.name} onChange={(v) => set({ name: String(v ?? '') })} {...status('name')} />
      <TextInput
        labelText={t('form.phone')}
        optionalText={t('form.optional')}
        hintText={t('form.phoneHint')}
        type="tel"
        autoComplete="off"
        value={draft.phone}
        onChange={(v) => set({ phone: String(v ?? '') })}
        {...status('phone')}
      />
      <TextInput
        labelText={t('form.email')}
        optionalText={t('form.optional')}
        type="email"
        autoComplete="off"
        value={draft.email}
        onChange={(v) => set({ email: String(v ?? '') })}
        {...status('email')}
      />
      <RadioButtonGroup
        labelText={t('form.language')}
        name="booking-language"
        value={draft.language ?? ''}
        onChange={(v) => set({ language: v as Language })}
        groupStatus={problems.has('language') ? 'error' : 'default'}
        groupStatusText={problems.has('language') ? t('validation.choose') : undefined}
      >
        {languages.map((l) => (
          <RadioButton key={l} value={l}>
            {t(`bookingLanguage.${l}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <RadioButtonGroup labelText={t('form.channel')} name="booking-channel" value={draft.channel} onChange={(v) => set({ channel: v as CustomerDraft['channel'] })}>
        {BOOKING_CHANNELS.map((c) => (
          <RadioButton key={c} value={c}>
            {t(`channel.${c}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <Textarea
        labelText={t('form.note')}
        optionalText={t('form.optional')}
        hintText={t('form.noteHint')}
        value={draft.note}
        onChange={(e) => set({ note: e.target.value })}
        status={problems.has('note') ? 'error' : 'default'}
        statusText={problems.has('note') ? t(`validation.${problems.get('note')!}`, { max: TEXT_LIMITS.note }) : undefined}
        fullWidth
      />
      {create.isError && !isSlotProblem(create.error) && <ErrorAlert>{calendarError(t, create.error)}</ErrorAlert>}
      <div className="cal-form-actions">
        <Button type="submit" disabled={create.isPending}>
          {t('form.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onChangeTime}>
          {t('form.changeTime')}
        </Button>
      </div>
    </form>
  );
}
