import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Heading, RouterLink, Table } from 'suomifi-ui-components';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useOrganisations } from '../common/useDirectory';

/** Every party of the agreements: the contractor, the principals and the ministry. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation('admin');
  const navigate = useNavigate();
  const orgs = useOrganisations();
  const columns = [
    { key: 'name', labelText: t('organisations.name') },
    { key: 'kind', labelText: t('organisations.kind') },
    { key: 'shortName', labelText: t('organisations.shortName') },
    { key: 'businessId', labelText: t('organisations.businessId') },
  ] as const;
  return (
    <>
      <Heading variant="h1" id="admin-orgs-h">{t('organisations.title')}</Heading>
      <div className="admin-toolbar">
        <Button onClick={() => navigate('new')}>{t('organisations.create')}</Button>
      </div>
      <QueryState query={orgs}>
        {(list) => (
          <Table
            aria-labelledby="admin-orgs-h"
            columns={columns}
            data={list.map((o) => ({
              id: o.id,
              name: (
                <RouterLink asComponent={Link} to={o.id}>
                  {localized(o.name, i18n.language)}
                </RouterLink>
              ),
              kind: o.isMainAdmin ? `${t(`kinds.${o.kind}`)} (${t('organisations.mainAdmin')})` : t(`kinds.${o.kind}`),
              shortName: localized(o.shortName, i18n.language),
              businessId: o.businessId ?? '',
            }))}
          />
        )}
      </QueryState>
    </>
  );
}
