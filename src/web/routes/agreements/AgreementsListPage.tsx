import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { AgreementState, AgreementView } from '../../../shared/agreements';
import { NoticeAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { useLanguage } from '../../localized';
import { useTitle } from '../../useTitle';
import { useAgreements } from './api';
import { validity } from './format';
import { useNames } from './TermsView';

export function StateChip({ state }: { state: AgreementState }) {
  const { t } = useTranslation('agreements');
  return <span className={`agr-state agr-state-${state}`}>{t(`state.${state}`)}</span>;
}

/** Overdue registration duties: shown where the main admin or the point manager will see them. */
export function OverdueNotice({ agreements, canEdit }: { agreements: AgreementView[]; canEdit: boolean }) {
  const { t } = useTranslation('agreements');
  const count = agreements.filter((a) => a.overdueDuties > 0).length;
  if (count === 0) return null;
  return <NoticeAlert status="warning">{t(canEdit ? 'list.overdueNotice' : 'list.overdueNoticeRead', { count })}</NoticeAlert>;
}

/** The agreements the user may read, newest first, with state, validity, parties and any overdue duty. */
export function AgreementsListPage({ base, canEdit }: { base: string; canEdit: boolean }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const names = useNames();
  const agreements = useAgreements();
  useTitle(t('list.title'));
  return (
    <>
      <Heading variant="h1" mb="xs" id="agr-list-h">
        {t('list.title')}
      </Heading>
      <Paragraph mb="m">{t('list.intro')}</Paragraph>
      {canEdit && (
        <p className="agr-actions">
          <Link className="agr-button" to={`${base}/new`}>
            {t('list.create')}
          </Link>
        </p>
      )}
      <QueryStatus query={agreements}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('list.empty')}</Paragraph>
          ) : (
            <>
              <OverdueNotice agreements={list} canEdit={canEdit} />
              <table className="agr-table agr-list" aria-labelledby="agr-list-h">
                <thead>
                  <tr>
                    <th scope="col">{t('list.title_col')}</th>
                    <th scope="col">{t('list.state')}</th>
                    <th scope="col">{t('list.validity')}</th>
                    <th scope="col">{t('list.contractor')}</th>
                    <th scope="col">{t('list.principals')}</th>
                    <th scope="col">{t('list.duties')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
                    .map((a) => (
                      <tr key={a.id} data-testid="agreement-row">
                        <td>
                          <Link to={`${base}/${a.id}`}>{a.title}</Link>
                        </td>
                        <td>
                          <StateChip state={a.state} />
                        </td>
                        <td>{validity(t, a.validFrom, a.validUntil, lang)}</td>
                        <td>{names.org(a.contractorId)}</td>
                        <td>
                          {a.parties
                            .filter((p) => p.role === 'principal' && !p.endedAt)
                            .map((p) => names.org(p.organisationId))
                            .join(', ')}
                        </td>
                        <td>{a.overdueDuties > 0 ? <strong className="agr-overdue">{t('list.dutiesOverdue', { count: a.overdueDuties })}</strong> : t('list.dutiesOk')}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          )
        }
      </QueryStatus>
    </>
  );
}
