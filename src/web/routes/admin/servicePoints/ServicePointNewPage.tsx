import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Heading, RouterLink } from 'suomifi-ui-components';
import { emptyDraft } from './draft';
import { ServicePointForm } from './ServicePointForm';
import { useCreateServicePoint } from './useServicePointMutations';

export function ServicePointNewPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const create = useCreateServicePoint();
  return (
    <>
      <p>
        <RouterLink asComponent={Link} to=".." relative="path">
          {t('servicePoints.back')}
        </RouterLink>
      </p>
      <Heading variant="h1">{t('servicePoints.createTitle')}</Heading>
      <ServicePointForm
        initial={emptyDraft()}
        chooseOrganisation
        submitLabel={t('servicePoints.submitCreate')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body) => create.mutate(body, { onSuccess: (point) => navigate(`../${point.id}`, { relative: 'path' }) })}
      />
    </>
  );
}
