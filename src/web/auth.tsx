import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { LoginRequest, LoginResponse, Me } from '../shared/auth';
import { ApiError, get, post, setCsrfToken, setUnauthenticatedHandler } from './api';
import { IdleWarning } from './components/IdleWarning';
import { useIdle } from './useIdle';

/** How long before an idle sign-out the user is warned. */
const IDLE_WARNING_MS = 2 * 60_000;

type AuthState = {
  /** undefined while the session is being checked on page load. */
  user: Me | null | undefined;
  sessionEnded: boolean;
  signIn(input: LoginRequest): Promise<Me>;
  /** The TOTP step after signing in through an organisation's provider (docs/oidc.md). */
  confirmProviderSignIn(totp: string): Promise<Me>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
};

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [sessionEnded, setSessionEnded] = useState(false);

  const refresh = useCallback(async () => {
    try {
      // 204 (undefined): nobody is signed in.
      const s = await get<LoginResponse | undefined>('/api/auth/session');
      setCsrfToken(s?.csrfToken);
      setUser(s?.user ?? null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setUser(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    void refresh().catch(() => setUser(null));
    setUnauthenticatedHandler(() => {
      setCsrfToken(undefined);
      setUser((current) => {
        if (current) setSessionEnded(true);
        return null;
      });
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [refresh]);

  const accept = useCallback((res: LoginResponse) => {
    setCsrfToken(res.csrfToken);
    setSessionEnded(false);
    setUser(res.user);
    return res.user;
  }, []);
  const signIn = useCallback(async (input: LoginRequest) => accept(await post<LoginResponse>('/api/auth/login', input)), [accept]);
  const confirmProviderSignIn = useCallback(async (totp: string) => accept(await post<LoginResponse>('/api/auth/oidc/totp', { totp })), [accept]);

  const signOut = useCallback(async () => {
    let redirectTo: string | undefined;
    try {
      redirectTo = (await post<{ ok: true; redirectTo?: string }>('/api/auth/logout')).redirectTo;
    } finally {
      setCsrfToken(undefined);
      setSessionEnded(false);
      setUser(null);
    }
    if (redirectTo) {
      // Signed in through an organisation's provider: its session ends too (RP-initiated logout), then back here.
      // The page is leaving, so the caller's next step (showing the sign-in page) never runs.
      window.location.assign(redirectTo);
      await new Promise(() => undefined);
    }
  }, []);

  // The server ends an idle session too; ending it here as well means an unattended screen stops showing data.
  const endIdleSession = useCallback(() => {
    setSessionEnded(true);
    void post('/api/auth/logout')
      .catch(() => undefined)
      .finally(() => {
        setCsrfToken(undefined);
        setUser(null);
      });
  }, []);
  useIdle(user ? user.idleTimeoutMinutes * 60_000 : undefined, endIdleSession);
  // Continuing counts as activity here and is a request for the server, which keeps the session alive.
  const keepAlive = useCallback(() => void refresh().catch(() => undefined), [refresh]);

  const value = useMemo(
    () => ({ user, sessionEnded, signIn, confirmProviderSignIn, signOut, refresh }),
    [user, sessionEnded, signIn, confirmProviderSignIn, signOut, refresh],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      {user && <IdleWarning idleMs={user.idleTimeoutMinutes * 60_000} leadMs={Math.min(IDLE_WARNING_MS, (user.idleTimeoutMinutes * 60_000) / 2)} onContinue={keepAlive} />}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside a RequireArea guard. */
export function useUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
