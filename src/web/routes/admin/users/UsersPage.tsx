import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Dropdown, DropdownItem, Heading, RouterLink, Table } from 'suomifi-ui-components';
import type { UserView } from '../../../../shared/users';
import { useUser } from '../../../auth';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useOrganisations } from '../common/useDirectory';
import { isMainAdmin } from './roleDraft';
import { useUserList } from './useUsers';
import { UserStatus } from './UserStatus';

const ALL = 'all';

/** The accounts the admin manages; the server scopes an agency admin's list to its own agency. */
export function UsersPage() {
  const { t, i18n } = useTranslation('admin');
  const me = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisationId') ?? undefined;
  const users = useUserList(organisationId);
  const orgs = useOrganisations();
  const orgName = (id: string) => {
    const org = orgs.data?.find((o) => o.id === id);
    return org ? localized(org.name, i18n.language) : '';
  };
  const columns = [
    { key: 'name', labelText: t('users.name') },
    { key: 'email', labelText: t('users.email') },
    { key: 'organisation', labelText: t('users.organisation') },
    { key: 'roles', labelText: t('users.roles') },
    { key: 'status', labelText: t('users.status') },
  ] as const;
  const rows = (list: UserView[]) =>
    list.map((u) => ({
      id: u.id,
      name: (
        <RouterLink asComponent={Link} to={u.id}>
          {u.name}
        </RouterLink>
      ),
      email: u.email,
      organisation: orgName(u.organisationId),
      roles: [...new Set(u.roles.map((r) => t(`roles.${r.role}`)))].join(', '),
      status: <UserStatus user={u} />,
    }));

  return (
    <>
      <Heading variant="h1" id="admin-users-h">{t('users.title')}</Heading>
      <div className="admin-toolbar">
        {isMainAdmin(me) && (
          <Dropdown
            labelText={t('users.filter')}
            value={organisationId ?? ALL}
            onChange={(v) => setParams(v === ALL ? {} : { organisationId: v }, { replace: true })}
          >
            {[
              <DropdownItem key={ALL} value={ALL}>
                {t('users.allOrganisations')}
              </DropdownItem>,
              ...(orgs.data ?? []).map((o) => (
                <DropdownItem key={o.id} value={o.id}>
                  {localized(o.name, i18n.language)}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
        )}
        <Button onClick={() => navigate('new')}>{t('users.create')}</Button>
      </div>
      <QueryState query={users}>
        {(list) => (list.length === 0 ? <p>{t('users.empty')}</p> : <Table aria-labelledby="admin-users-h" columns={columns} data={rows(list)} />)}
      </QueryState>
    </>
  );
}
