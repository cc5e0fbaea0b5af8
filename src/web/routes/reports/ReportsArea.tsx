import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';

// Placeholder until the area is built.
export function ReportsArea() {
  const { t } = useTranslation();
  return <Heading variant="h1">{t('nav.reports')}</Heading>;
}
