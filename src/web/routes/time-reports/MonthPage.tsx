import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { MonthView } from '../../../shared/time-reports';
import { useUser } from '../../auth';
import { ErrorAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { localized, useLanguage } from '../../localized';
import { formatDay } from '../../days';
import { useOrganisations, useServicePoints } from '../../queries';
import { useTitle } from '../../useTitle';
import { hoursOf, previousMonth, timeError, useCloseMonth, useMonth } from './api';
import '../agreements/agreements.css';
import './time-reports.css';

/** A service point's month (/reports/time): the point manager submits it, VM approves or returns it. */
export function MonthPage() {
  const { t } = useTranslation('timeReports');
  const { lang } = useLanguage();
  const me = useUser();
  const id = useId();
  const points = useServicePoints().data ?? [];
  const managed = me.roles.filter((r) => r.role === 'point-manager' && r.servicePointId).map((r) => r.servicePointId!);
  const vm = me.roles.some((r) => r.role === 'main-admin' || r.role === 'coordinator');
  const choices = vm ? points : points.filter((p) => managed.includes(p.id));
  const [pointId, setPointId] = useState<string>('');
  const [month, setMonth] = useState(previousMonth());
  const point = pointId || choices[0]?.id;
  const view = useMonth(point, month);
  useTitle(t('month.title'));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('month.title')}
      </Heading>
      <Paragraph mb="m">{t('month.intro')}</Paragraph>
      <div className="tr-fields">
        <div className="agr-field">
          <label htmlFor={`${id}-point`}>{t('fields.servicePoint')}</label>
          <select id={`${id}-point`} value={point ?? ''} onChange={(e) => setPointId(e.target.value)}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {localized(p.name, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-month`}>{t('fields.month')}</label>
          <input id={`${id}-month`} type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </div>
      </div>
      {point && <QueryStatus query={view}>{(m) => <Month view={m} canSubmit={managed.includes(point)} canDecide={vm} />}</QueryStatus>}
    </>
  );
}

function Month({ view, canSubmit, canDecide }: { view: MonthView; canSubmit: boolean; canDecide: boolean }) {
  const { t } = useTranslation('timeReports');
  const { lang } = useLanguage();
  const orgs = useOrganisations().data ?? [];
  const close = useCloseMonth(view.servicePointId, view.month);
  const [comment, setComment] = useState('');
  const id = useId();
  const agencyName = (key: string) => (key === 'none' ? t('month.noAgency') : localized(orgs.find((o) => o.id === key)?.name ?? { fi: key, sv: key, en: key }, lang));
  const names = new Map(view.byAdvisor.map((a) => [a.userId, a.name]));
  return (
    <>
      <section className="agr-section" aria-labelledby={`${id}-state`}>
        <h2 id={`${id}-state`}>{t('month.state')}</h2>
        <p>
          <span className={`tr-state tr-state-${view.status}`}>{t(`states.${view.status}`)}</span> {t('month.total', { time: hoursOf(view.totalMinutes) })}
        </p>
        {view.comment && <p>{t('month.returnedWith', { comment: view.comment })}</p>}
        {close.isError && <ErrorAlert>{timeError(t, close.error)}</ErrorAlert>}
        <div className="agr-actions">
          {canSubmit && (view.status === 'open' || view.status === 'returned') && (
            <Button onClick={() => close.mutate({ decision: 'submit' })} disabled={close.isPending}>
              {t('month.submit')}
            </Button>
          )}
          {canDecide && view.status === 'submitted' && (
            <>
              <Button onClick={() => close.mutate({ decision: 'approve' })} disabled={close.isPending}>
                {t('month.approve')}
              </Button>
              <div className="agr-field">
                <label htmlFor={`${id}-comment`}>{t('month.comment')}</label>
                <textarea id={`${id}-comment`} rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
              </div>
              <Button variant="secondary" onClick={() => close.mutate({ decision: 'return', comment })} disabled={close.isPending || !comment.trim()}>
                {t('month.return')}
              </Button>
            </>
          )}
        </div>
      </section>
      <section className="agr-section" aria-labelledby={`${id}-advisors`}>
        <h2 id={`${id}-advisors`}>{t('month.byAdvisor')}</h2>
        <table className="agr-table">
          <thead>
            <tr>
              <th scope="col">{t('fields.advisor')}</th>
              <th scope="col" className="tr-num">{t('fields.minutes')}</th>
              <th scope="col">{t('fields.time')}</th>
            </tr>
          </thead>
          <tbody>
            {view.byAdvisor.map((a) => (
              <tr key={a.userId}>
                <th scope="row">{a.name}</th>
                <td className="tr-num">{a.minutes}</td>
                <td>{hoursOf(a.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="agr-section" aria-labelledby={`${id}-tasks`}>
        <h2 id={`${id}-tasks`}>{t('month.byTaskAndAgency')}</h2>
        <table className="agr-table">
          <caption className="tr-muted">{t('month.byTask')}</caption>
          <tbody>
            {Object.entries(view.minutesByTask).map(([task, m]) => (
              <tr key={task}>
                <th scope="row">{t(`tasks.${task}`)}</th>
                <td>{hoursOf(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="agr-table">
          <caption className="tr-muted">{t('month.byAgency')}</caption>
          <tbody>
            {Object.entries(view.minutesByAgency).map(([agency, m]) => (
              <tr key={agency}>
                <th scope="row">{agencyName(agency)}</th>
                <td>{hoursOf(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="agr-section" aria-labelledby={`${id}-gaps`}>
        <h2 id={`${id}-gaps`}>{t('month.gaps')}</h2>
        {view.gaps.length === 0 ? (
          <p>{t('month.noGaps')}</p>
        ) : (
          <ul>
            {view.gaps.map((g) => (
              <li key={`${g.userId}${g.date}`}>{t('month.gap', { name: names.get(g.userId) ?? '', date: formatDay(g.date, lang), count: g.activities })}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
