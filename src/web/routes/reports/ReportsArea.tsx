import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import type { Role } from '../../../shared/roles';
import { useUser } from '../../auth';
import { useTitle } from '../../useTitle';
import { AuditLog } from './audit/AuditLog';
import { ServicePointsOverview } from './ServicePointsOverview';
import './reports.css';

const OVERVIEW_ROLES: Role[] = ['main-admin', 'coordinator', 'agency-admin'];

/** Reports: the service points' status for those who oversee them; the audit log for auditors only. */
export function ReportsArea() {
  const { t } = useTranslation('reports');
  const me = useUser();
  useTitle(t('title'));
  const roles = new Set(me.roles.map((r) => r.role));
  return (
    <>
      <Heading variant="h1" mb="l">
        {t('title')}
      </Heading>
      {OVERVIEW_ROLES.some((r) => roles.has(r)) && <ServicePointsOverview />}
      {roles.has('auditor') && <AuditLog />}
    </>
  );
}
