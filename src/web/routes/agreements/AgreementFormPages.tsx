import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { AgreementDetail } from '../../../shared/agreements';
import { ErrorAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { useOrganisations, useServicePoints } from '../../queries';
import { useTitle } from '../../useTitle';
import { adminError } from '../admin/common/adminError';
import { useAgreement, useAmendAgreement, useCreateAgreement } from './api';
import { helsinkiDay } from './format';
import { TermsFields } from './TermsFields';
import { type TermsDraft, draftFromTerms, draftProblems, emptyDraft, termsFromDraft } from './termsDraft';

const NONE: ReadonlySet<keyof TermsDraft> = new Set();

/** The directory the form chooses from, loaded before the form is shown. */
function useDirectory() {
  const orgs = useOrganisations();
  const points = useServicePoints();
  return { orgs, points };
}

/** The main admin records a signed agreement. */
export function AgreementNewPage({ base }: { base: string }) {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const { orgs, points } = useDirectory();
  const [draft, setDraft] = useState<TermsDraft>(emptyDraft);
  // After a first attempt the marks follow the fields as they are corrected.
  const [tried, setTried] = useState(false);
  const invalid = tried ? draftProblems(draft) : NONE;
  const incomplete = tried && !termsFromDraft(draft);
  const create = useCreateAgreement();
  useTitle(t('form.newTitle'));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('form.newTitle')}
      </Heading>
      <Paragraph mb="m">{t('form.newIntro')}</Paragraph>
      <QueryStatus query={orgs}>
        {(organisations) => (
          <form
            className="agr-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const terms = termsFromDraft(draft);
              setTried(true);
              if (terms) create.mutate(terms, { onSuccess: (a) => void navigate(`${base}/${a.id}`) });
            }}
          >
            <TermsFields value={draft} onChange={setDraft} organisations={organisations} servicePoints={points.data ?? []} invalid={invalid} />
            {incomplete && <ErrorAlert>{t('form.invalid')}</ErrorAlert>}
            {create.isError && <ErrorAlert>{adminError(t, create.error)}</ErrorAlert>}
            <div className="agr-actions">
              <Button type="submit" disabled={create.isPending}>
                {t('form.save')}
              </Button>
              <Link to={base}>{t('form.cancel')}</Link>
            </div>
          </form>
        )}
      </QueryStatus>
    </>
  );
}

/** §13: an amendment in writing, a whole new version from its effective date; the form starts from the newest version. */
export function AgreementAmendPage({ base }: { base: string }) {
  const { id } = useParams();
  const agreement = useAgreement(id);
  const { orgs } = useDirectory();
  return (
    <QueryStatus query={agreement}>
      {(a) => <QueryStatus query={orgs}>{() => <AmendForm agreement={a} base={base} />}</QueryStatus>}
    </QueryStatus>
  );
}

function AmendForm({ agreement, base }: { agreement: AgreementDetail; base: string }) {
  const { t } = useTranslation('agreements');
  const navigate = useNavigate();
  const id = useId();
  const { orgs, points } = useDirectory();
  const newest = agreement.versions[0];
  const [draft, setDraft] = useState<TermsDraft>(() => (newest ? draftFromTerms(newest.terms) : emptyDraft()));
  const [effectiveFrom, setEffectiveFrom] = useState(() => {
    const today = helsinkiDay();
    return newest && newest.effectiveFrom > today ? newest.effectiveFrom : today;
  });
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const invalid = tried ? draftProblems(draft) : NONE;
  const incomplete = tried && (!termsFromDraft(draft) || !effectiveFrom || !description.trim());
  const amend = useAmendAgreement(agreement.id);
  const title = `${t('amend.title')}: ${agreement.title}`;
  useTitle(title);
  const back = `${base}/${agreement.id}`;
  return (
    <>
      <Heading variant="h1" mb="xs">
        {title}
      </Heading>
      <Paragraph mb="m">{t('amend.intro')}</Paragraph>
      <form
        className="agr-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const terms = termsFromDraft(draft);
          setTried(true);
          if (terms && effectiveFrom && description.trim()) amend.mutate({ effectiveFrom, description: description.trim(), terms }, { onSuccess: () => void navigate(back) });
        }}
      >
        <div className="agr-row">
          <div className="agr-field">
            <label htmlFor={`${id}-from`}>{t('amend.effectiveFrom')}</label>
            <input id={`${id}-from`} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} aria-invalid={(incomplete && !effectiveFrom) || undefined} />
          </div>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-desc`}>{t('amend.description')}</label>
          <textarea id={`${id}-desc`} rows={3} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} aria-invalid={(incomplete && !description.trim()) || undefined} />
        </div>
        <TermsFields value={draft} onChange={setDraft} organisations={orgs.data ?? []} servicePoints={points.data ?? []} invalid={invalid} contractorFixed />
        {incomplete && <ErrorAlert>{t('form.invalid')}</ErrorAlert>}
        {amend.isError && <ErrorAlert>{adminError(t, amend.error)}</ErrorAlert>}
        <div className="agr-actions">
          <Button type="submit" disabled={amend.isPending}>
            {t('amend.save')}
          </Button>
          <Link to={back}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
