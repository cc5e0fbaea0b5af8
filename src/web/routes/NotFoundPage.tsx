import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import { useTitle } from '../useTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <>
      <Heading variant="h1">{t('notFound.title')}</Heading>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
