import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useUser } from '../../auth';
import { useTitle } from '../../useTitle';
import { WorkingHoursForm } from '../admin/scheduling/WorkingHoursForm';

/** /account/working-hours: an expert keeps their own working hours; bookings are offered only within them. */
export function WorkingHoursPage() {
  const { t } = useTranslation('scheduling');
  const me = useUser();
  useTitle(t('own.title'));
  const isExpert = me.roles.some((r) => r.role === 'expert');
  return (
    <>
      <p>
        <RouterLink asComponent={RouterDomLink} to="/account">
          {t('own.back')}
        </RouterLink>
      </p>
      <Heading variant="h1" mb="s">
        {t('own.title')}
      </Heading>
      {isExpert ? (
        <>
          <Paragraph mb="m">{t('own.intro')}</Paragraph>
          <WorkingHoursForm owner={{ kind: 'expert', id: me.id }} />
        </>
      ) : (
        <Paragraph>{t('own.notExpert')}</Paragraph>
      )}
    </>
  );
}
