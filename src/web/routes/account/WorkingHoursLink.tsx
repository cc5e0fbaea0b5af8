import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useUser } from '../../auth';

/** On the account page of an expert: where to keep one's own working hours. */
export function WorkingHoursLink() {
  const { t } = useTranslation('scheduling');
  const me = useUser();
  if (!me.roles.some((r) => r.role === 'expert')) return null;
  return (
    <section aria-labelledby="account-working-hours">
      <Heading variant="h2" id="account-working-hours" mt="l" mb="s">
        {t('own.title')}
      </Heading>
      <Paragraph mb="s">{t('own.linkIntro')}</Paragraph>
      <RouterLink asComponent={RouterDomLink} to="/account/working-hours">
        {t('own.link')}
      </RouterLink>
    </section>
  );
}
