import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Heading, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useOrganisations } from '../common/useDirectory';
import { useIdentityProviders } from './useIdentityProviders';

/** The organisations' OpenID Connect sign-in services (docs/oidc.md): the main admin's list. */
export function IdentityProvidersPage() {
  const { t, i18n } = useTranslation('admin');
  const navigate = useNavigate();
  const providers = useIdentityProviders();
  const orgs = useOrganisations();
  const orgName = (id: string) => {
    const org = orgs.data?.find((o) => o.id === id);
    return org ? localized(org.name, i18n.language) : '';
  };
  const columns = [
    { key: 'name', labelText: t('identityProviders.name') },
    { key: 'issuer', labelText: t('identityProviders.issuer') },
    { key: 'organisations', labelText: t('identityProviders.organisations') },
    { key: 'status', labelText: t('identityProviders.status') },
  ] as const;
  return (
    <>
      <Heading variant="h1" id="admin-idp-h">
        {t('identityProviders.title')}
      </Heading>
      <Paragraph mb="s">{t('identityProviders.intro')}</Paragraph>
      <p className="admin-idp-redirect">
        <code>{`${window.location.origin}/api/auth/oidc/callback`}</code>
      </p>
      <Paragraph mb="m">{t('identityProviders.envNote')}</Paragraph>
      <div className="admin-toolbar">
        <Button onClick={() => navigate('new')}>{t('identityProviders.create')}</Button>
      </div>
      <QueryState query={providers}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('identityProviders.none')}</Paragraph>
          ) : (
            <Table
              aria-labelledby="admin-idp-h"
              columns={columns}
              data={list.map((p) => ({
                id: p.id,
                name: (
                  <RouterLink asComponent={Link} to={p.id}>
                    {p.name}
                  </RouterLink>
                ),
                issuer: p.issuer,
                organisations: p.organisationIds.map(orgName).join(', '),
                status: p.active ? t('identityProviders.statusActive') : t('identityProviders.statusInactive'),
              }))}
            />
          )
        }
      </QueryState>
    </>
  );
}
