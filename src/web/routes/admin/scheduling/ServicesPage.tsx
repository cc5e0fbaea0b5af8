import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Heading, RouterLink, Table } from 'suomifi-ui-components';
import type { ServiceView } from '../../../../shared/scheduling';
import { useTitle } from '../../../useTitle';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { ALL_AGENCIES, AgencyPicker } from './AgencyPicker';
import { languageList } from './languages';
import { useManagedAgencies } from './useAgencies';
import { useServices } from './useScheduling';

/** The services customers can book: the main admin sees every principal's, an agency admin its own agency's. */
export function ServicesPage() {
  const { t, i18n } = useTranslation('scheduling');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { agencies, all } = useManagedAgencies();
  useTitle(t('services.title'));
  const chosen = params.get('agencyId') ?? undefined;
  // An agency admin always sees an agency of their own; the main admin may look at all at once.
  const agencyId = all ? chosen : agencies.some((a) => a.id === chosen) ? chosen : agencies[0]?.id;
  const services = useServices(agencyId);
  const showAgency = all && !agencyId;
  const agencyName = (id: string) => localized(agencies.find((a) => a.id === id)?.name, i18n.language);
  const columns = [
    { key: 'name', labelText: t('services.name') },
    ...(showAgency ? [{ key: 'agency', labelText: t('services.agency') }] : []),
    { key: 'duration', labelText: t('services.duration') },
    { key: 'languages', labelText: t('services.languages') },
    { key: 'interpreting', labelText: t('services.interpreting') },
    { key: 'online', labelText: t('services.online') },
    { key: 'status', labelText: t('services.status') },
  ];
  const rows = (list: ServiceView[]) =>
    list.map((s) => ({
      id: s.id,
      name: (
        <RouterLink asComponent={Link} to={s.id}>
          {localized(s.name, i18n.language)}
        </RouterLink>
      ),
      agency: agencyName(s.agencyId),
      duration: t('services.minutes', { count: s.durationMinutes }),
      languages: languageList(t, s.languages),
      interpreting: s.interpretingPossible ? t('yes') : t('no'),
      online: s.onlineBooking ? t('yes') : t('no'),
      status: s.active ? t('status.active') : t('status.inactive'),
    }));

  return (
    <>
      <Heading variant="h1" id="sched-services-h">
        {t('services.title')}
      </Heading>
      <div className="admin-toolbar">
        {(all || agencies.length > 1) && (
          <AgencyPicker
            label={t('services.filter')}
            agencies={agencies}
            value={agencyId}
            allowAll={all}
            onChange={(v) => setParams(v === ALL_AGENCIES ? {} : { agencyId: v }, { replace: true })}
          />
        )}
        <Button onClick={() => navigate(agencyId ? `new?agencyId=${agencyId}` : 'new')}>{t('services.create')}</Button>
      </div>
      <QueryState query={services}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('services.empty')}</p>
          ) : (
            <Table aria-labelledby="sched-services-h" columns={columns} data={rows(list.filter((s) => all || agencies.some((a) => a.id === s.agencyId)))} />
          )
        }
      </QueryState>
    </>
  );
}
