import { type ComponentType, Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { landingArea } from '../shared/roles';
import { AuthProvider, useAuth } from './auth';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { BlankLoading, Loading } from './components/Loading';
import { RequireArea } from './components/RequireArea';
import { LoginPage } from './routes/login/LoginPage';
import { STATEMENT_PATHS } from '../shared/accessibility-paths';

/**
 * Each area is its own chunk, fetched together with the data layer (TanStack Query) that every area uses:
 * the sign-in page loads only the shell and the sign-in form.
 */
function lazyNamed<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const [{ QueryProvider }, mod] = await Promise.all([import('./QueryProvider'), load()]);
    const Page: ComponentType = mod[name];
    return {
      default: () => (
        <QueryProvider>
          <Page />
        </QueryProvider>
      ),
    };
  });
}
const AccountArea = lazyNamed(() => import('./routes/account/AccountArea'), 'AccountArea');
const AdminArea = lazyNamed(() => import('./routes/admin/AdminArea'), 'AdminArea');
const DeskArea = lazyNamed(() => import('./routes/desk/DeskArea'), 'DeskArea');
const ExpertArea = lazyNamed(() => import('./routes/expert/ExpertArea'), 'ExpertArea');
const ReportsArea = lazyNamed(() => import('./routes/reports/ReportsArea'), 'ReportsArea');
const SetPasswordPage = lazyNamed(() => import('./routes/login/SetPasswordPage'), 'SetPasswordPage');
const NotFoundPage = lazyNamed(() => import('./routes/NotFoundPage'), 'NotFoundPage');
const TerminalApp = lazyNamed(() => import('./routes/terminal/TerminalApp'), 'TerminalApp');
const JoinPage = lazyNamed(() => import('./routes/join/JoinPage'), 'JoinPage');
const StatementPage = lazyNamed(() => import('./routes/accessibility/StatementPage'), 'StatementPage');
const PublicBookingFi = lazyNamed(() => import('./routes/booking/PublicBookingApp'), 'PublicBookingFi');
const PublicBookingSv = lazyNamed(() => import('./routes/booking/PublicBookingApp'), 'PublicBookingSv');
const PublicBookingEn = lazyNamed(() => import('./routes/booking/PublicBookingApp'), 'PublicBookingEn');

function Home() {
  const { user } = useAuth();
  if (user === undefined) return <Loading />;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mfaRequired) return <Navigate to="/account/mfa" replace />;
  const area = landingArea(user.roles.map((r) => r.role));
  return <Navigate to={area ? `/${area}` : '/account'} replace />;
}

function StaffApp() {
  const { pathname } = useLocation();
  return (
    <AuthProvider>
      <Layout>
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/set-password/:token" element={<SetPasswordPage />} />
              {/* The accessibility statement (306/2019): public, one address per language. */}
              {Object.values(STATEMENT_PATHS).map((path) => (
                <Route key={path} path={path} element={<StatementPage />} />
              ))}
              <Route path="/account/*" element={<RequireArea><AccountArea /></RequireArea>} />
              <Route path="/desk/*" element={<RequireArea area="desk"><DeskArea /></RequireArea>} />
              <Route path="/expert/*" element={<RequireArea area="expert"><ExpertArea /></RequireArea>} />
              <Route path="/admin/*" element={<RequireArea area="admin"><AdminArea /></RequireArea>} />
              <Route path="/reports/*" element={<RequireArea area="reports"><ReportsArea /></RequireArea>} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </AuthProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<BlankLoading />}>
        <Routes>
          {/* The kiosk has its own full-screen frame and a device credential, no staff session. */}
          <Route path="/terminal/*" element={<TerminalApp />} />
          {/* The interpreter: a meeting link and PIN, no account (docs/meetings.md). */}
          <Route path="/join/:code" element={<JoinPage />} />
          {/* The customer's own booking (docs/public-booking.md): no account, the language in the path. */}
          <Route path="/ajanvaraus/*" element={<PublicBookingFi />} />
          <Route path="/tidsbokning/*" element={<PublicBookingSv />} />
          <Route path="/booking/*" element={<PublicBookingEn />} />
          <Route path="*" element={<StaffApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
