import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { AgreementDetail } from '../../../shared/agreements';
import { ErrorAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { useTitle } from '../../useTitle';
import { adminError } from '../admin/common/adminError';
import { useAgreement, useTerminateAgreement } from './api';
import { useNames } from './TermsView';

/** §14: a party terminates at once for repeated neglect; only the relation between the two ends. */
export function TerminatePage({ base }: { base: string }) {
  const { id } = useParams();
  const agreement = useAgreement(id);
  return <QueryStatus query={agreement}>{(a) => <TerminateForm agreement={a} base={base} />}</QueryStatus>;
}

function TerminateForm({ agreement, base }: { agreement: AgreementDetail; base: string }) {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const names = useNames();
  const id = useId();
  const [terminating, setTerminating] = useState('');
  const [neglecting, setNeglecting] = useState('');
  const [reason, setReason] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const terminate = useTerminateAgreement(agreement.id);
  const title = `${t('terminate.title')}: ${agreement.title}`;
  useTitle(title);
  const back = `${base}/${agreement.id}`;
  // The contractor and every party still taking part (a principal or the payer).
  const parties = [agreement.contractorId, ...new Set(agreement.parties.filter((p) => !p.endedAt).map((p) => p.organisationId))];
  const options = parties.map((orgId) => (
    <option key={orgId} value={orgId}>
      {names.org(orgId)}
    </option>
  ));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {title}
      </Heading>
      <Paragraph mb="m">{t('terminate.intro')}</Paragraph>
      <form
        className="agr-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const ok = !!terminating && !!neglecting && !!reason.trim();
          setIncomplete(!ok);
          if (ok) terminate.mutate({ terminatingOrganisationId: terminating, neglectingOrganisationId: neglecting, reason: reason.trim() }, { onSuccess: () => void navigate(back) });
        }}
      >
        <p id={`${id}-hint`} className="agr-hint">
          {t('terminate.hint')}
        </p>
        <div className="agr-field">
          <label htmlFor={`${id}-by`}>{t('terminate.terminating')}</label>
          <select id={`${id}-by`} value={terminating} onChange={(e) => setTerminating(e.target.value)} aria-describedby={`${id}-hint`} aria-invalid={(incomplete && !terminating) || undefined}>
            <option value="">{t('form.choose')}</option>
            {options}
          </select>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-with`}>{t('terminate.neglecting')}</label>
          <select id={`${id}-with`} value={neglecting} onChange={(e) => setNeglecting(e.target.value)} aria-describedby={`${id}-hint`} aria-invalid={(incomplete && !neglecting) || undefined}>
            <option value="">{t('form.choose')}</option>
            {options}
          </select>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-reason`}>{t('terminate.reason')}</label>
          <textarea id={`${id}-reason`} rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={(incomplete && !reason.trim()) || undefined} />
        </div>
        {incomplete && <ErrorAlert>{t('terminate.invalid')}</ErrorAlert>}
        {terminate.isError && <ErrorAlert>{adminError(t, terminate.error)}</ErrorAlert>}
        <div className="agr-actions">
          <Button type="submit" disabled={terminate.isPending}>
            {t('terminate.save')}
          </Button>
          <Link to={back}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
