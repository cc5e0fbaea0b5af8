import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Heading, RouterLink, Table } from 'suomifi-ui-components';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useOrganisations, useServicePoints } from '../common/useDirectory';

export function ServicePointsPage() {
  const { t, i18n } = useTranslation('admin');
  const navigate = useNavigate();
  const points = useServicePoints();
  const orgs = useOrganisations();
  const columns = [
    { key: 'name', labelText: t('servicePoints.name') },
    { key: 'address', labelText: t('servicePoints.address') },
    { key: 'organisation', labelText: t('servicePoints.organisation') },
    { key: 'rooms', labelText: t('servicePoints.rooms') },
    { key: 'status', labelText: t('servicePoints.status') },
  ] as const;
  return (
    <>
      <Heading variant="h1" id="admin-points-h">{t('servicePoints.title')}</Heading>
      <div className="admin-toolbar">
        <Button onClick={() => navigate('new')}>{t('servicePoints.create')}</Button>
      </div>
      <QueryState query={points}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('servicePoints.empty')}</p>
          ) : (
            <Table
              aria-labelledby="admin-points-h"
              columns={columns}
              data={list.map((p) => ({
                id: p.id,
                name: (
                  <RouterLink asComponent={Link} to={p.id}>
                    {localized(p.name, i18n.language)}
                  </RouterLink>
                ),
                address: `${localized(p.streetAddress, i18n.language)}, ${p.postalCode} ${localized(p.city, i18n.language)}`,
                organisation: localized(orgs.data?.find((o) => o.id === p.organisationId)?.name, i18n.language),
                rooms: String(p.rooms.filter((r) => r.active).length),
                status: p.active ? t('status.active') : t('status.inactive'),
              }))}
            />
          )
        }
      </QueryState>
    </>
  );
}
