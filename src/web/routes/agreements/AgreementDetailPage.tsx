import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import type { AgreementDetail } from '../../../shared/agreements';
import { QueryStatus } from '../../components/QueryStatus';
import { useLanguage } from '../../localized';
import { useTitle } from '../../useTitle';
import { StateChip } from './AgreementsListPage';
import { useAgreement } from './api';
import { DocumentSection } from './DocumentSection';
import { DutiesSection } from './DutiesSection';
import { formatDay, formatInstant } from './format';
import { HistorySection, TerminationsSection, VersionsSection } from './HistorySections';
import { TaskList, TermsFacts, useNames } from './TermsView';

/** One agreement: its terms now, the parties and their tasks, duties, terminations, the signed PDF, versions, history. */
export function AgreementDetailPage({ base, canEdit }: { base: string; canEdit: boolean }) {
  const { id } = useParams();
  const agreement = useAgreement(id);
  return <QueryStatus query={agreement}>{(a) => <Detail agreement={a} base={base} canEdit={canEdit} />}</QueryStatus>;
}

function Detail({ agreement: a, base, canEdit }: { agreement: AgreementDetail; base: string; canEdit: boolean }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const names = useNames();
  useTitle(a.title);
  const open = a.state === 'draft' || a.state === 'in-force';
  return (
    <>
      <p className="agr-back">
        <Link to={base}>{t('detail.back')}</Link>
      </p>
      <div className="agr-head">
        <Heading variant="h1">{a.title}</Heading>
        <StateChip state={a.state} />
      </div>
      {canEdit && open && (
        <nav className="agr-actions" aria-label={t('detail.actions')}>
          <Link className="agr-button" to={`${base}/${a.id}/amend`}>
            {t('detail.amend')}
          </Link>
          {a.state === 'in-force' && (
            <Link className="agr-button agr-button-secondary" to={`${base}/${a.id}/terminate`}>
              {t('detail.terminate')}
            </Link>
          )}
        </nav>
      )}
      <section className="agr-section" aria-labelledby="agr-terms-h">
        <h2 id="agr-terms-h">{t('detail.terms')}</h2>
        <TermsFacts terms={a}>
          <dt>{t('detail.version')}</dt>
          <dd>{t('detail.versionText', { version: a.version, date: formatDay(a.effectiveFrom, lang) })}</dd>
        </TermsFacts>
      </section>
      <section className="agr-section" aria-labelledby="agr-parties-h">
        <h2 id="agr-parties-h">{t('detail.parties')}</h2>
        <table className="agr-table">
          <thead>
            <tr>
              <th scope="col">{t('detail.organisation')}</th>
              <th scope="col">{t('detail.role')}</th>
              <th scope="col">{t('detail.delegated')}</th>
              <th scope="col">{t('detail.participation')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{names.org(a.contractorId)}</th>
              <td>{t('detail.roles.contractor')}</td>
              <td>–</td>
              <td>{t('detail.participating')}</td>
            </tr>
            {a.parties.map((p) => (
              <tr key={`${p.organisationId}-${p.role}`} data-testid="party-row">
                <th scope="row">{names.org(p.organisationId)}</th>
                <td>{t(`detail.roles.${p.role}`)}</td>
                <td>{p.role === 'principal' ? <TaskList tasks={p.tasks} /> : '–'}</td>
                <td>{p.endedAt ? t('detail.ended', { date: formatInstant(p.endedAt, lang), reason: p.endReason ?? '' }) : t('detail.participating')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <DutiesSection agreement={a} canEdit={canEdit} />
      <TerminationsSection agreement={a} />
      <DocumentSection agreement={a} canEdit={canEdit} />
      <VersionsSection agreement={a} />
      <HistorySection agreement={a} />
    </>
  );
}
