import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { landingArea } from '../shared/roles';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './components/Layout';
import { RequireArea } from './components/RequireArea';
import { AccountArea } from './routes/account/AccountArea';
import { AdminArea } from './routes/admin/AdminArea';
import { DeskArea } from './routes/desk/DeskArea';
import { ExpertArea } from './routes/expert/ExpertArea';
import { LoginPage } from './routes/login/LoginPage';
import { SetPasswordPage } from './routes/login/SetPasswordPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { ReportsArea } from './routes/reports/ReportsArea';
import { TerminalApp } from './routes/terminal/TerminalApp';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } });

function Home() {
  const { user } = useAuth();
  const { t } = useTranslation();
  if (user === undefined) return <p role="status">{t('loading')}</p>;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mfaRequired) return <Navigate to="/account/mfa" replace />;
  const area = landingArea(user.roles.map((r) => r.role));
  return <Navigate to={area ? `/${area}` : '/account'} replace />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          {/* The kiosk has its own full-screen frame and a device credential, no staff session. */}
          <Route path="/terminal/*" element={<TerminalApp />} />
          <Route
            path="*"
            element={
              <AuthProvider>
                <Layout>
                  <Routes>
                    <Route path="/" element={<Home />} />
                    <Route path="/login" element={<LoginPage />} />
                    <Route path="/set-password/:token" element={<SetPasswordPage />} />
                    <Route path="/account/*" element={<RequireArea><AccountArea /></RequireArea>} />
                    <Route path="/desk/*" element={<RequireArea area="desk"><DeskArea /></RequireArea>} />
                    <Route path="/expert/*" element={<RequireArea area="expert"><ExpertArea /></RequireArea>} />
                    <Route path="/admin/*" element={<RequireArea area="admin"><AdminArea /></RequireArea>} />
                    <Route path="/reports/*" element={<RequireArea area="reports"><ReportsArea /></RequireArea>} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Routes>
                </Layout>
              </AuthProvider>
            }
          />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
