import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Heading, RouterLink } from 'suomifi-ui-components';
import type { UserView } from '../../../../shared/users';
import { formatDateTime, localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useOrganisations } from '../common/useDirectory';
import { UserAccountActions } from './UserAccountActions';
import { UserRolesSection } from './UserRolesSection';
import { UserStatus } from './UserStatus';
import { UserIdentityForm } from './UserIdentityForm';
import { useUserDetail } from './useUsers';

/** One account: its name, roles and the actions on the account itself. */
export function UserDetailPage() {
  const { id = '' } = useParams();
  const user = useUserDetail(id);
  const { t } = useTranslation('admin');
  return (
    <>
      <p>
        <RouterLink asComponent={Link} to=".." relative="path">
          {t('users.back')}
        </RouterLink>
      </p>
      <QueryState query={user}>{(u) => <UserDetail user={u} />}</QueryState>
    </>
  );
}

function UserDetail({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation('admin');
  const orgs = useOrganisations();
  const org = orgs.data?.find((o) => o.id === user.organisationId);
  return (
    <>
      <Heading variant="h1">{user.name}</Heading>
      <dl className="admin-dl">
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.organisation')}</dt>
        <dd>{localized(org?.name, i18n.language)}</dd>
        <dt>{t('users.status')}</dt>
        <dd>
          <UserStatus user={user} />
        </dd>
        <dt>{t('users.createdAt')}</dt>
        <dd>{formatDateTime(user.createdAt, i18n.language)}</dd>
      </dl>
      <UserIdentityForm user={user} />
      <UserRolesSection user={user} />
      <UserAccountActions user={user} />
    </>
  );
}
