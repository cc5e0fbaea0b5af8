import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { AgreementDetail, AgreementDutyView } from '../../../shared/agreements';
import { ErrorAlert } from '../../components/Alerts';
import { useLanguage } from '../../localized';
import { adminError } from '../admin/common/adminError';
import { useCompleteDuty } from './api';
import { formatDay, helsinkiDay } from './format';

/** §13: the contractor's registration with AVI and notifications to the register, each with due and done dates. */
export function DutiesSection({ agreement, canEdit }: { agreement: AgreementDetail; canEdit: boolean }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const duties = [...agreement.duties].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <section className="agr-section" aria-labelledby="agr-duties-h">
      <h2 id="agr-duties-h">{t('duties.heading')}</h2>
      <p>{t('duties.intro')}</p>
      {duties.length === 0 ? (
        <p>{t('duties.empty')}</p>
      ) : (
        <table className="agr-table">
          <thead>
            <tr>
              <th scope="col">{t('duties.duty')}</th>
              <th scope="col">{t('duties.dueOn')}</th>
              <th scope="col">{t('duties.doneOn')}</th>
            </tr>
          </thead>
          <tbody>
            {duties.map((d) => (
              <tr key={d.id} data-testid="duty-row">
                <td>
                  <strong>{t(`duties.kind.${d.kind}`)}</strong>
                  <br />
                  {t('duties.about', { trigger: t(`duties.trigger.${d.trigger}`), version: d.version })}
                </td>
                <td>
                  {formatDay(d.dueOn, lang)}
                  {d.overdue && (
                    <>
                      {' '}
                      <strong className="agr-overdue">{t('duties.overdue')}</strong>
                    </>
                  )}
                </td>
                <td>
                  {d.doneOn ? (
                    <>
                      {d.doneBy ? t('duties.doneBy', { date: formatDay(d.doneOn, lang), name: d.doneBy.name }) : formatDay(d.doneOn, lang)}
                      {d.note && <p className="agr-note">{d.note}</p>}
                    </>
                  ) : canEdit ? (
                    <CompleteDutyForm agreementId={agreement.id} duty={d} />
                  ) : (
                    t('duties.notDone')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CompleteDutyForm({ agreementId, duty }: { agreementId: string; duty: AgreementDutyView }) {
  const { t } = useTranslation('agreements');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [doneOn, setDoneOn] = useState(helsinkiDay());
  const [note, setNote] = useState('');
  const complete = useCompleteDuty(agreementId);
  const label = t(`duties.kind.${duty.kind}`);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t('duties.formLegend', { duty: label })}>
        {t('duties.markDone')}
      </Button>
    );
  return (
    <form
      className="agr-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        complete.mutate({ dutyId: duty.id, doneOn, note: note.trim() || undefined });
      }}
    >
      <fieldset className="agr-fieldset">
        <legend>{t('duties.formLegend', { duty: label })}</legend>
        <div className="agr-field">
          <label htmlFor={`${id}-on`}>{t('duties.doneDate')}</label>
          <input id={`${id}-on`} type="date" required value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-note`}>{t('duties.note')}</label>
          <input id={`${id}-note`} type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {complete.isError && <ErrorAlert>{adminError(t, complete.error)}</ErrorAlert>}
        <div className="agr-actions">
          <Button type="submit" disabled={complete.isPending || !doneOn}>
            {t('duties.save')}
          </Button>
          <Button variant="secondaryNoBorder" onClick={() => setOpen(false)}>
            {t('form.cancel')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
