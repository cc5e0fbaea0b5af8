import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { AccountPage } from './AccountPage';
import { MfaPage } from './MfaPage';
import { WorkingHoursLink } from './WorkingHoursLink';
import { WorkingHoursPage } from './WorkingHoursPage';
import './account.css';

/** Every signed-in user's own account: details, roles and two-step verification. */
export function AccountArea() {
  return (
    <Routes>
      <Route
        index
        element={
          <>
            <AccountPage />
            <WorkingHoursLink />
          </>
        }
      />
      <Route path="mfa" element={<MfaPage />} />
      <Route path="working-hours" element={<WorkingHoursPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
