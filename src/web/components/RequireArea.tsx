import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type Area, areasFor } from '../../shared/roles';
import { useAuth } from '../auth';

/** Renders children only for a signed-in user whose roles open the area; MFA enrolment comes first when required. */
export function RequireArea({ area, children }: { area?: Area; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (user === undefined) return <p role="status">{t('loading')}</p>;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (user.mfaRequired && location.pathname !== '/account/mfa') return <Navigate to="/account/mfa" replace />;
  if (area && !areasFor(user.roles.map((r) => r.role)).includes(area)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
