import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ALL_CLAIM_CATEGORIES, CLAIM_CATEGORIES, type ClaimCategory } from '../../../shared/time-reports';
import { useUser } from '../../auth';
import { ErrorAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { useTitle } from '../../useTitle';
import { useLanguage } from '../../localized';
import { useAgreements } from '../agreements/api';
import { formatDay } from '../../days';
import { euros, helsinkiToday, hoursOf, previousMonth, reportUrl, timeError, useClaims, useCreateClaim, useDecideClaim, useReport } from './api';
import '../agreements/agreements.css';
import './time-reports.css';

/** Cost claims and the reimbursement report of an agreement (/reports/claims). */
export function ClaimsPage() {
  const { t } = useTranslation('timeReports');
  const me = useUser();
  const id = useId();
  const agreements = useAgreements();
  const [chosen, setChosen] = useState('');
  const vm = me.roles.some((r) => r.role === 'main-admin' || r.role === 'coordinator');
  const mainAdmin = me.roles.some((r) => r.role === 'main-admin');
  const manager = me.roles.some((r) => r.role === 'point-manager');
  useTitle(t('claims.title'));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('claims.title')}
      </Heading>
      <Paragraph mb="m">{t('claims.intro')}</Paragraph>
      <QueryStatus query={agreements}>
        {(list) => {
          const agreementId = chosen || list.find((a) => a.state === 'in-force')?.id || list[0]?.id;
          if (!agreementId) return <p>{t('claims.noAgreements')}</p>;
          return (
            <>
              <div className="agr-field">
                <label htmlFor={`${id}-agreement`}>{t('fields.agreement')}</label>
                <select id={`${id}-agreement`} value={agreementId} onChange={(e) => setChosen(e.target.value)}>
                  {list.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </select>
              </div>
              <Report agreementId={agreementId} />
              <Claims agreementId={agreementId} canDecide={vm} />
              {(manager || mainAdmin) && <NewClaim agreementId={agreementId} categories={mainAdmin ? ALL_CLAIM_CATEGORIES : manager ? CLAIM_CATEGORIES : []} />}
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}

function Report({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation('timeReports');
  const id = useId();
  const [from, setFrom] = useState(`${previousMonth()}-01`);
  const [to, setTo] = useState(helsinkiToday());
  const report = useReport(agreementId, from, to);
  return (
    <section className="agr-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('report.title')}</h2>
      <div className="tr-fields">
        <div className="agr-field">
          <label htmlFor={`${id}-from`}>{t('report.from')}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-to`}>{t('report.to')}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </div>
      </div>
      <QueryStatus query={report}>
        {(r) => (
          <>
            <dl className="agr-dl">
              <dt>{t('report.hours')}</dt>
              <dd>{t('report.minutesApproved', { total: hoursOf(r.totalMinutes), approved: hoursOf(r.approvedMinutes) })}</dd>
              <dt>{t('report.labour')}</dt>
              <dd>{euros(r.labourCents)}</dd>
              <dt>{t('report.claims')}</dt>
              <dd>{euros(r.claimsCents)}</dd>
              <dt>{t('report.total')}</dt>
              <dd>{euros(r.totalCents)}</dd>
              <dt>{t('report.reference')}</dt>
              <dd>{r.invoiceBasis.reference}</dd>
            </dl>
            <div className="tr-downloads">
              <a href={reportUrl(agreementId, from, to, 'pdf', 'fi')} download>
                {t('report.pdfFi')}
              </a>
              <a href={reportUrl(agreementId, from, to, 'pdf', 'sv')} download>
                {t('report.pdfSv')}
              </a>
              <a href={reportUrl(agreementId, from, to, 'xlsx')} download>
                {t('report.xlsx')}
              </a>
              <a href={reportUrl(agreementId, from, to, 'csv')} download>
                {t('report.csv')}
              </a>
            </div>
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function Claims({ agreementId, canDecide }: { agreementId: string; canDecide: boolean }) {
  const { t } = useTranslation('timeReports');
  const { lang } = useLanguage();
  const claims = useClaims(agreementId);
  const decide = useDecideClaim();
  return (
    <section className="agr-section" aria-labelledby="tr-claims">
      <h2 id="tr-claims">{t('claims.list')}</h2>
      <QueryStatus query={claims}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('claims.none')}</p>
          ) : (
            <table className="agr-table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.date')}</th>
                  <th scope="col">{t('fields.category')}</th>
                  <th scope="col">{t('fields.description')}</th>
                  <th scope="col" className="tr-num">{t('fields.amount')}</th>
                  <th scope="col">{t('fields.status')}</th>
                  {canDecide && <th scope="col">{t('fields.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDay(c.date, lang)}</td>
                    <th scope="row">{t(`categories.${c.category}`)}</th>
                    <td>
                      {c.description}
                      {c.receipt && (
                        <>
                          {' '}
                          <a href={`/api/cost-claims/${c.id}/receipt`}>{t('claims.receipt')}</a>
                        </>
                      )}
                    </td>
                    <td className="tr-num">{euros(c.amountCents)}</td>
                    <td>
                      <span className={`tr-state tr-state-${c.status}`}>{t(`claimStates.${c.status}`)}</span>
                    </td>
                    {canDecide && (
                      <td>
                        {c.status === 'pending' && (
                          <div className="tr-actions">
                            <Button onClick={() => decide.mutate({ id: c.id, decision: 'approve' })} aria-label={t('claims.approveOne', { what: c.description })}>
                              {t('claims.approve')}
                            </Button>
                            <Button variant="secondary" onClick={() => decide.mutate({ id: c.id, decision: 'reject' })} aria-label={t('claims.rejectOne', { what: c.description })}>
                              {t('claims.reject')}
                            </Button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryStatus>
      {decide.isError && <ErrorAlert>{timeError(t, decide.error)}</ErrorAlert>}
    </section>
  );
}

function NewClaim({ agreementId, categories }: { agreementId: string; categories: readonly ClaimCategory[] }) {
  const { t } = useTranslation('timeReports');
  const id = useId();
  const [category, setCategory] = useState<ClaimCategory>(categories[0]!);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(helsinkiToday());
  const [description, setDescription] = useState('');
  const [receipt, setReceipt] = useState<File | undefined>();
  const [saved, setSaved] = useState(false);
  const create = useCreateClaim();
  const cents = Math.round(Number(amount.replace(',', '.').replace(/\s/g, '')) * 100);
  return (
    <section className="agr-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('claims.new')}</h2>
      <form
        className="agr-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          create.mutate({ claim: { agreementId, category, amountCents: cents, date, description: description.trim() }, receipt }, { onSuccess: () => setSaved(true) });
        }}
      >
        <div className="tr-fields">
          <div className="agr-field">
            <label htmlFor={`${id}-cat`}>{t('fields.category')}</label>
            <select id={`${id}-cat`} value={category} onChange={(e) => setCategory(e.target.value as ClaimCategory)}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="agr-field">
            <label htmlFor={`${id}-amount`}>{t('fields.amountEuros')}</label>
            <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <div className="agr-field">
            <label htmlFor={`${id}-date`}>{t('fields.date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-desc`}>{t('fields.description')}</label>
          <textarea id={`${id}-desc`} rows={2} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-file`}>{t('fields.receipt')}</label>
          <input id={`${id}-file`} type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setReceipt(e.target.files?.[0])} />
        </div>
        {create.isError && <ErrorAlert>{timeError(t, create.error)}</ErrorAlert>}
        {saved && <p role="status">{t('claims.saved')}</p>}
        <div className="agr-actions">
          <Button type="submit" disabled={create.isPending}>
            {t('claims.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
