import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import type { Role } from '../../../shared/roles';
import { useUser } from '../../auth';
import { useTitle } from '../../useTitle';
import { EscalationAlerts } from '../status/EscalationAlerts';
import { StatusBoardLink } from '../status/StatusBoardLink';
import { StatusBoardPage } from '../status/StatusBoardPage';
import { AuditLog } from './audit/AuditLog';
import { ServicePointsOverview } from './ServicePointsOverview';
import './reports.css';

const OVERVIEW_ROLES: Role[] = ['main-admin', 'coordinator', 'agency-admin'];

/** Reports: the service points' status for those who oversee them; the audit log for auditors only. */
export function ReportsArea() {
  const me = useUser();
  // Coordinators watch every point's live status board (/reports/status).
  const coordinator = me.roles.some((r) => r.role === 'coordinator');
  return (
    <>
      {coordinator && <EscalationAlerts />}
      <Routes>
        {coordinator && <Route path="status" element={<StatusBoardPage canReport={false} />} />}
        <Route path="*" element={<ReportsHome />} />
      </Routes>
    </>
  );
}

function ReportsHome() {
  const { t } = useTranslation('reports');
  const me = useUser();
  useTitle(t('title'));
  const roles = new Set(me.roles.map((r) => r.role));
  return (
    <>
      <Heading variant="h1" mb="l">
        {t('title')}
      </Heading>
      {roles.has('coordinator') && <StatusBoardLink to="/reports/status" />}
      {OVERVIEW_ROLES.some((r) => roles.has(r)) && <ServicePointsOverview />}
      {roles.has('auditor') && <AuditLog />}
    </>
  );
}
