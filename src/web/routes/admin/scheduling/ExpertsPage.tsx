import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useTitle } from '../../../useTitle';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { AgencyPicker } from './AgencyPicker';
import { useManagedAgencies } from './useAgencies';
import { useExperts } from './useScheduling';
import { WorkingHoursForm } from './WorkingHoursForm';

/** /admin/working-hours: the experts of an agency, each linking to their working hours. */
export function ExpertsPage() {
  const { t, i18n } = useTranslation('scheduling');
  const [params, setParams] = useSearchParams();
  const { agencies, pending } = useManagedAgencies();
  useTitle(t('experts.title'));
  const chosen = params.get('agencyId');
  const agencyId = agencies.find((a) => a.id === chosen)?.id ?? (agencies.length === 1 ? agencies[0]!.id : undefined);
  const experts = useExperts(agencyId);
  const agencyName = localized(agencies.find((a) => a.id === agencyId)?.name, i18n.language);
  return (
    <>
      <Heading variant="h1">{t('experts.title')}</Heading>
      <Paragraph mb="m">{t('experts.intro')}</Paragraph>
      {agencies.length > 1 && (
        <div className="admin-toolbar">
          <AgencyPicker label={t('experts.agency')} agencies={agencies} value={agencyId} onChange={(v) => setParams({ agencyId: v }, { replace: true })} />
        </div>
      )}
      {!agencyId ? (
        !pending && <p>{t('experts.chooseAgency')}</p>
      ) : (
        <section aria-labelledby="sched-experts-h">
          <Heading variant="h2" id="sched-experts-h" mb="s">
            {t('experts.listHeading', { agency: agencyName })}
          </Heading>
          <QueryState query={experts}>
            {(list) =>
              list.length === 0 ? (
                <p>{t('experts.empty')}</p>
              ) : (
                <ul className="sched-list">
                  {list.map((e) => (
                    <li key={e.id}>
                      <RouterLink asComponent={Link} to={`${agencyId}/${e.id}`}>
                        {e.name}
                      </RouterLink>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </section>
      )}
    </>
  );
}

/** /admin/working-hours/:agencyId/:expertId: one expert's weekly hours and exceptions. */
export function ExpertHoursPage() {
  const { agencyId = '', expertId = '' } = useParams();
  const { t } = useTranslation('scheduling');
  const experts = useExperts(agencyId);
  const name = experts.data?.find((e) => e.id === expertId)?.name;
  useTitle(name ? t('experts.hoursOf', { name }) : t('experts.title'));
  return (
    <>
      <p>
        <RouterLink asComponent={Link} to={`/admin/working-hours?agencyId=${agencyId}`}>
          {t('experts.back')}
        </RouterLink>
      </p>
      <QueryState query={experts}>
        {(list) =>
          list.some((e) => e.id === expertId) ? (
            <>
              <Heading variant="h1" mb="m">
                {t('experts.hoursOf', { name })}
              </Heading>
              <WorkingHoursForm owner={{ kind: 'expert', id: expertId }} />
            </>
          ) : (
            <p>{t('experts.notFound')}</p>
          )
        }
      </QueryState>
    </>
  );
}
