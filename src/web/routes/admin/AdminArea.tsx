import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { useUser } from '../../auth';
import { useAgreements } from '../agreements/api';
import { AgreementsRoutes } from '../agreements/AgreementsRoutes';
import { NotFoundPage } from '../NotFoundPage';
import { CallButtonsPage } from './buttons/CallButtonsPage';
import { OrganisationEditPage } from './organisations/OrganisationEditPage';
import { OrganisationsPage } from './organisations/OrganisationsPage';
import { ServicePointDetailPage } from './servicePoints/ServicePointDetailPage';
import { ServicePointNewPage } from './servicePoints/ServicePointNewPage';
import { ServicePointsPage } from './servicePoints/ServicePointsPage';
import { ExpertHoursPage, ExpertsPage } from './scheduling/ExpertsPage';
import { InterpreterEditPage, InterpreterNewPage } from './scheduling/InterpreterPages';
import { InterpretersPage } from './scheduling/InterpretersPage';
import { ServiceEditPage, ServiceNewPage } from './scheduling/ServiceFormPage';
import { ServicesPage } from './scheduling/ServicesPage';
import { CreateUserPage } from './users/CreateUserPage';
import { UserDetailPage } from './users/UserDetailPage';
import { UsersPage } from './users/UsersPage';
import { AgencyTokensPage } from './agencyTokens/AgencyTokensPage';
import { StatementEditorPage } from '../accessibility/StatementEditorPage';
import { PrivacyAdmin } from '../privacy/PrivacyAdmin';
import { IdentityProviderEditPage } from './identityProviders/IdentityProviderEditPage';
import { IdentityProvidersPage } from './identityProviders/IdentityProvidersPage';
import './admin.css';

// The area is mounted at /admin/*; links from a splat route resolve against the whole URL, so the tabs are absolute.
/** Administration: the main admin manages the whole directory, an agency admin its own agency's users. */
export function AdminArea() {
  const me = useUser();
  const { t } = useTranslation(['admin', 'scheduling', 'assistance', 'documents', 'agreements', 'accessibility', 'privacy']);
  const isMainAdmin = me.roles.some((r) => r.role === 'main-admin');
  const isAgencyAdmin = me.roles.some((r) => r.role === 'agency-admin');
  // Overdue registration duties are the main admin's to chase: a badge on the tab wherever they are in admin.
  const overdue = (useAgreements(isMainAdmin).data ?? []).filter((a) => a.overdueDuties > 0).length;
  const tabs: { to: string; label: string; badge?: string }[] = [
    { to: 'users', label: t('nav.users') },
    ...(isMainAdmin
      ? [
          { to: 'organisations', label: t('nav.organisations') },
          { to: 'service-points', label: t('nav.servicePoints') },
        ]
      : []),
    { to: 'services', label: t('scheduling:nav.services') },
    { to: 'working-hours', label: t('scheduling:nav.workingHours') },
    ...(isMainAdmin ? [{ to: 'interpreters', label: t('scheduling:nav.interpreters') }] : []),
    ...(isAgencyAdmin
      ? [
          { to: 'agency-tokens', label: t('documents:tokens.nav') },
          { to: 'privacy', label: t('privacy:nav.tab') },
        ]
      : []),
    ...(isMainAdmin
      ? [
          { to: 'call-buttons', label: t('assistance:admin.navButtons') },
          { to: 'accessibility', label: t('accessibility:editor.nav') },
          { to: 'identity-providers', label: t('identityProviders.nav') },
        ]
      : []),
    ...(isMainAdmin || isAgencyAdmin
      ? [{ to: 'agreements', label: t('agreements:nav'), badge: isMainAdmin && overdue > 0 ? t('agreements:navOverdue', { count: overdue }) : undefined }]
      : []),
  ];
  return (
    <div className="admin">
      <nav aria-label={t('nav.label')} className="admin-nav">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={`/admin/${tab.to}`}>
                {tab.label}
                {tab.badge && (
                  <>
                    {' '}
                    <span className="admin-nav-badge">{tab.badge}</span>
                  </>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/new" element={<CreateUserPage />} />
        <Route path="users/:id" element={<UserDetailPage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="services/new" element={<ServiceNewPage />} />
        <Route path="services/:id" element={<ServiceEditPage />} />
        <Route path="working-hours" element={<ExpertsPage />} />
        <Route path="working-hours/:agencyId/:expertId" element={<ExpertHoursPage />} />
        {isAgencyAdmin && <Route path="agency-tokens" element={<AgencyTokensPage />} />}
        {isAgencyAdmin && <Route path="privacy/*" element={<PrivacyAdmin />} />}
        {isMainAdmin && (
          <>
            <Route path="organisations" element={<OrganisationsPage />} />
            <Route path="organisations/new" element={<OrganisationEditPage />} />
            <Route path="organisations/:id" element={<OrganisationEditPage />} />
            <Route path="service-points" element={<ServicePointsPage />} />
            <Route path="service-points/new" element={<ServicePointNewPage />} />
            <Route path="service-points/:id" element={<ServicePointDetailPage />} />
            <Route path="interpreters" element={<InterpretersPage />} />
            <Route path="interpreters/new" element={<InterpreterNewPage />} />
            <Route path="interpreters/:id" element={<InterpreterEditPage />} />
            <Route path="call-buttons" element={<CallButtonsPage />} />
            <Route path="accessibility" element={<Navigate to="/admin/accessibility/fi" replace />} />
            <Route path="accessibility/:language" element={<StatementEditorPage />} />
            <Route path="identity-providers" element={<IdentityProvidersPage />} />
            <Route path="identity-providers/new" element={<IdentityProviderEditPage />} />
            <Route path="identity-providers/:id" element={<IdentityProviderEditPage />} />
          </>
        )}
        {(isMainAdmin || isAgencyAdmin) && <Route path="agreements/*" element={<AgreementsRoutes base="/admin/agreements" canEdit={isMainAdmin} />} />}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
