import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Heading, RouterLink } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import { localized } from '../common/format';
import { ClosuresSection } from '../scheduling/ClosuresSection';
import { QueryState } from '../common/QueryState';
import { draftFromView } from './draft';
import { RoomsSection } from './RoomsSection';
import { ServicePointForm } from './ServicePointForm';
import { useServicePoint, useUpdateServicePoint } from './useServicePointMutations';

export function ServicePointDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const point = useServicePoint(id);
  return (
    <>
      <p>
        <RouterLink asComponent={Link} to=".." relative="path">
          {t('servicePoints.back')}
        </RouterLink>
      </p>
      <QueryState query={point}>{(p) => <ServicePointDetail point={p} />}</QueryState>
    </>
  );
}

function ServicePointDetail({ point }: { point: ServicePointView }) {
  const { t, i18n } = useTranslation('admin');
  const update = useUpdateServicePoint(point.id);
  return (
    <>
      <Heading variant="h1">{localized(point.name, i18n.language)}</Heading>
      <section className="admin-section" aria-labelledby="sp-details-h">
        <Heading variant="h2" id="sp-details-h">
          {t('servicePoints.detailsHeading')}
        </Heading>
        <ServicePointForm
          initial={draftFromView(point)}
          submitLabel={t('save')}
          pending={update.isPending}
          error={update.error}
          saved={update.isSuccess}
          onEdit={() => update.isSuccess && update.reset()}
          onSubmit={({ organisationId: _unchanged, ...body }) => update.mutate(body)}
        />
      </section>
      <RoomsSection point={point} />
      <ClosuresSection pointId={point.id} />
    </>
  );
}
