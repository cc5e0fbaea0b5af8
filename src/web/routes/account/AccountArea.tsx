import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';

// Placeholder until the area is built.
export function AccountArea() {
  const { t } = useTranslation();
  return <Heading variant="h1">{t('nav.account')}</Heading>;
}
