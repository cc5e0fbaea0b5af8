import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { RoleAssignmentView } from '../../../shared/auth';
import { useUser } from '../../auth';
import { localized, useLanguage } from '../../localized';
import { useOrganisations, useServicePoints } from '../../queries';
import { useTitle } from '../../useTitle';

/** Who the user is in the system: name, email, organisation, roles, and how their sign-in is protected. */
export function AccountPage() {
  const { t } = useTranslation(['account', 'common']);
  const { lang } = useLanguage();
  const me = useUser();
  const organisations = useOrganisations();
  const points = useServicePoints();
  useTitle(t('title'));
  const orgName = (id: string) => {
    const org = organisations.data?.find((o) => o.id === id);
    return org ? localized(org.name, lang) : undefined;
  };
  const roleText = (r: RoleAssignmentView) => {
    const point = r.servicePointId ? points.data?.find((p) => p.id === r.servicePointId) : undefined;
    const place = point ? localized(point.name, lang) : r.organisationId !== me.organisationId ? orgName(r.organisationId) : undefined;
    const role = t(`common:roles.${r.role}`);
    return place ? t('roleAt', { role, place }) : role;
  };
  return (
    <>
      <Heading variant="h1" mb="l">
        {t('title')}
      </Heading>
      <section aria-labelledby="account-details">
        <Heading variant="h2" id="account-details" mb="s">
          {t('details')}
        </Heading>
        <dl className="account-facts">
          <dt>{t('name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('organisation')}</dt>
          <dd>{orgName(me.organisationId) ?? '…'}</dd>
        </dl>
      </section>
      <section aria-labelledby="account-roles">
        <Heading variant="h2" id="account-roles" mt="l" mb="s">
          {t('roles')}
        </Heading>
        {me.roles.length === 0 ? (
          <Paragraph>{t('noRoles')}</Paragraph>
        ) : (
          <ul className="account-roles">
            {me.roles.map((r) => (
              <li key={`${r.role}-${r.organisationId}-${r.servicePointId ?? ''}`}>{roleText(r)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="account-security">
        <Heading variant="h2" id="account-security" mt="l" mb="s">
          {t('security')}
        </Heading>
        <dl className="account-facts">
          <dt>{t('mfa.status')}</dt>
          <dd>{me.mfaEnabled ? t('mfa.on') : t('mfa.off')}</dd>
        </dl>
        {!me.mfaEnabled && (
          <Paragraph mb="s">
            <RouterLink asComponent={RouterDomLink} to="/account/mfa">
              {t('mfa.enable')}
            </RouterLink>
          </Paragraph>
        )}
        <Paragraph>{t('idle', { minutes: me.idleTimeoutMinutes })}</Paragraph>
      </section>
    </>
  );
}
