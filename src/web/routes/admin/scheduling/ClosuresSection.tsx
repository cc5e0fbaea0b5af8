import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { containsHetu } from '../../../../shared/hetu';
import { useLanguage } from '../../../localized';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryState } from '../common/QueryState';
import { formatDay, parseDate, todayYmd } from './dates';
import { schedulingError } from './schedulingError';
import { type ClosureView, useAddClosure, useClosures, useRemoveClosure } from './useScheduling';
import './scheduling.css';
import { DateField } from '../../../components/DateField';

/**
 * Days the service point is closed beyond public holidays (training, a fault in the room): nothing can be
 * booked on them. Shown on the service point's page.
 */
export function ClosuresSection({ pointId }: { pointId: string }) {
  const { t } = useTranslation('scheduling');
  const closures = useClosures(pointId);
  // One status line at a time: adding clears the "removed" message and removing the "added" one.
  const add = useAddClosure(pointId);
  const remove = useRemoveClosure(pointId);
  return (
    <section className="admin-section" aria-labelledby="sched-closures-h">
      <Heading variant="h2" id="sched-closures-h" mb="s">
        {t('closures.heading')}
      </Heading>
      <Paragraph mb="s">{t('closures.intro')}</Paragraph>
      <QueryState query={closures}>{(list) => <ClosureList list={list} remove={remove} onRemove={() => add.reset()} />}</QueryState>
      <AddClosureForm add={add} onAdd={() => remove.reset()} />
    </section>
  );
}

function ClosureList({ list, remove, onRemove }: { list: ClosureView[]; remove: ReturnType<typeof useRemoveClosure>; onRemove(): void }) {
  const { t } = useTranslation('scheduling');
  const { locale } = useLanguage();
  const [confirming, setConfirming] = useState<ClosureView>();
  const today = todayYmd();
  const shown = list.filter((c) => c.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const span = (c: ClosureView) => (c.startsOn === c.endsOn ? formatDay(c.startsOn, locale) : t('closures.range', { from: formatDay(c.startsOn, locale), to: formatDay(c.endsOn, locale) }));
  return (
    <>
      {shown.length === 0 ? (
        <p>{t('closures.none')}</p>
      ) : (
        <table className="sched-table" aria-labelledby="sched-closures-h">
          <thead>
            <tr>
              <th scope="col">{t('closures.dates')}</th>
              <th scope="col">{t('closures.reason')}</th>
              <th scope="col">{t('closures.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>{span(c)}</td>
                <td>{c.reason}</td>
                <td>
                  <Button variant="secondary" aria-label={t('closures.removeOne', { dates: span(c) })} disabled={remove.isPending} onClick={() => setConfirming(c)}>
                    {t('closures.remove')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.isError && <InlineAlert status="error">{schedulingError(t, remove.error)}</InlineAlert>}
      <p role="status" className="admin-status">
        {remove.isSuccess ? t('closures.removed') : ''}
      </p>
      <ConfirmDialog
        visible={!!confirming}
        title={t('closures.confirmRemove.title')}
        body={confirming ? t('closures.confirmRemove.body', { dates: span(confirming) }) : ''}
        confirmLabel={t('closures.remove')}
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          if (confirming) {
            onRemove();
            remove.mutate(confirming.id);
          }
          setConfirming(undefined);
        }}
      />
    </>
  );
}

type Errors = Partial<Record<'from' | 'to' | 'reason', string>>;

function AddClosureForm({ add, onAdd }: { add: ReturnType<typeof useAddClosure>; onAdd(): void }) {
  const { t } = useTranslation('scheduling');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const edit = () => (add.isSuccess || add.isError) && add.reset();

  const submit = () => {
    const startsOn = parseDate(from);
    const endsOn = to.trim() ? parseDate(to) : startsOn;
    const found: Errors = {};
    if (!startsOn) found.from = from.trim() ? 'validation.date' : 'validation.dateRequired';
    if (to.trim() && !endsOn) found.to = 'validation.date';
    else if (startsOn && endsOn && endsOn < startsOn) found.to = 'validation.dateOrder';
    if (!reason.trim()) found.reason = 'validation.reasonRequired';
    else if (containsHetu(reason)) found.reason = 'errors.personal_id_forbidden';
    setErrors(found);
    if (Object.keys(found).length === 0 && startsOn && endsOn) {
      onAdd();
      add.mutate(
        { startsOn, endsOn, reason: reason.trim() },
        {
          onSuccess: () => {
            setFrom('');
            setTo('');
            setReason('');
          },
        },
      );
    }
  };

  const dateField = (label: string, hint: string, value: string, set: (v: string) => void, error: string | undefined, optional?: boolean) => (
    <DateField
      className="sched-date"
      labelText={label}
      hintText={hint}
      optionalText={optional ? t('optional') : undefined}
      value={value}
      onChange={({ value: v }) => {
        set(v);
        edit();
      }}
      status={error ? 'error' : 'default'}
      statusText={error ? t(error) : undefined}
    />
  );

  return (
    <form
      className="admin-form sched-closure-form"
      noValidate
      aria-labelledby="sched-add-closure-h"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Heading variant="h3" id="sched-add-closure-h">
        {t('closures.add')}
      </Heading>
      {dateField(t('closures.from'), t('closures.fromHint'), from, setFrom, errors.from)}
      {dateField(t('closures.to'), t('closures.toHint'), to, setTo, errors.to, true)}
      <TextInput
        labelText={t('closures.reason')}
        hintText={t('closures.reasonHint')}
        value={reason}
        maxLength={200}
        onChange={(v) => {
          setReason(String(v ?? ''));
          edit();
        }}
        status={errors.reason ? 'error' : 'default'}
        statusText={errors.reason ? t(errors.reason) : undefined}
      />
      {add.isError && <InlineAlert status="error">{schedulingError(t, add.error)}</InlineAlert>}
      <div className="admin-form-actions">
        <Button type="submit" disabled={add.isPending}>
          {t('closures.add')}
        </Button>
        <p role="status" className="admin-status">
          {add.isSuccess ? t('closures.added') : ''}
        </p>
      </div>
    </form>
  );
}
