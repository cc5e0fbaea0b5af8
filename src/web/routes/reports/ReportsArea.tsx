import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import type { Role } from '../../../shared/roles';
import { useUser } from '../../auth';
import { useTitle } from '../../useTitle';
import { AgreementsRoutes } from '../agreements/AgreementsRoutes';
import { AgreementsLink } from '../agreements/AgreementsLink';
import { EscalationAlerts } from '../status/EscalationAlerts';
import { StatusBoardLink } from '../status/StatusBoardLink';
import { StatusBoardPage } from '../status/StatusBoardPage';
import { FeedbackInboxPage } from '../accessibility/FeedbackInboxPage';
import { FeedbackLink } from '../accessibility/FeedbackLink';
import { AuditLog } from './audit/AuditLog';
import { ServicePointsOverview } from './ServicePointsOverview';
import { ClaimsPage } from '../time-reports/ClaimsPage';
import { MonthPage } from '../time-reports/MonthPage';
import { TimeReportLink } from '../time-reports/TimeReportLinks';
import { StatisticsLink } from '../statistics/StatisticsLink';
import './reports.css';

// The charts library is loaded only by those who open the statistics.
const StatisticsPage = lazy(() => import('../statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));

const OVERVIEW_ROLES: Role[] = ['main-admin', 'coordinator', 'agency-admin'];
/** Who reads agreements here (read-only; the main admin and agency admins also have them in administration). */
const AGREEMENT_READERS: Role[] = ['main-admin', 'coordinator', 'auditor', 'agency-admin', 'point-manager'];
/** Who works with time reports, cost claims and the reimbursement report here (docs/time-reports.md). */
const TIME_REPORT_ROLES: Role[] = ['main-admin', 'coordinator', 'point-manager'];
/** Who answers accessibility feedback (306/2019): VM's coordinators, and the main admin. */
const FEEDBACK_ROLES: Role[] = ['coordinator', 'main-admin'];
/** Who reads statistics (issue 14): VM and auditors all, agency admins and experts their agency's, point managers their points'. */
const STATISTICS_ROLES: Role[] = ['main-admin', 'coordinator', 'auditor', 'agency-admin', 'expert', 'point-manager'];

/** Reports: the service points' status for those who oversee them; the audit log for auditors only. */
export function ReportsArea() {
  const me = useUser();
  // Coordinators watch every point's live status board (/reports/status).
  const coordinator = me.roles.some((r) => r.role === 'coordinator');
  const readsAgreements = me.roles.some((r) => AGREEMENT_READERS.includes(r.role));
  const timeReports = me.roles.some((r) => TIME_REPORT_ROLES.includes(r.role));
  const feedback = me.roles.some((r) => FEEDBACK_ROLES.includes(r.role));
  const statistics = me.roles.some((r) => STATISTICS_ROLES.includes(r.role));
  return (
    <>
      {coordinator && <EscalationAlerts />}
      <Routes>
        {coordinator && <Route path="status" element={<StatusBoardPage canReport={false} />} />}
        {readsAgreements && <Route path="agreements/*" element={<AgreementsRoutes base="/reports/agreements" canEdit={false} />} />}
        {timeReports && <Route path="time" element={<MonthPage />} />}
        {timeReports && <Route path="claims" element={<ClaimsPage />} />}
        {feedback && <Route path="accessibility-feedback" element={<FeedbackInboxPage />} />}
        {statistics && <Route path="statistics" element={<StatisticsPage />} />}
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
      {AGREEMENT_READERS.some((r) => roles.has(r)) && <AgreementsLink to="/reports/agreements" warnOverdue={roles.has('point-manager')} />}
      {TIME_REPORT_ROLES.some((r) => roles.has(r)) && (
        <>
          <TimeReportLink to="/reports/time" text="month.link" />
          <TimeReportLink to="/reports/claims" text="claims.link" />
        </>
      )}
      {FEEDBACK_ROLES.some((r) => roles.has(r)) && <FeedbackLink />}
      {STATISTICS_ROLES.some((r) => roles.has(r)) && <StatisticsLink />}
      {OVERVIEW_ROLES.some((r) => roles.has(r)) && <ServicePointsOverview />}
      {roles.has('auditor') && <AuditLog />}
    </>
  );
}
