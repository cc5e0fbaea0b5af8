import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, NoticeAlert } from '../../components/Alerts';
import { Loading } from '../../components/Loading';
import { errorMessage } from '../../errors';
import { useTitle } from '../../useTitle';
import { OrganisationSignIn, OrganisationTotpStep, oidcErrorText } from './OrganisationSignIn';
import './login.css';

const text = (v: string | number | undefined) => String(v ?? '');

/** Email and password; a second step asks for the authenticator code when the account uses MFA. */
export function LoginPage() {
  const { t } = useTranslation(['login', 'common']);
  const { user, signIn, sessionEnded } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [totpStep, setTotpStep] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const totpRef = useRef<HTMLInputElement>(null);
  const [params] = useSearchParams();
  const providerTotp = params.get('oidc') === 'totp';
  const providerError = oidcErrorText(t, params.get('oidcError'));
  useTitle(providerTotp ? t('oidc.totpHeading') : t('heading'));

  useEffect(() => {
    if (totpStep) totpRef.current?.focus();
  }, [totpStep]);

  if (user === undefined) return <Loading />;
  if (user) return <Navigate to="/" replace />;

  const totpValid = /^\d{6}$/.test(totp);
  const missing = (v: string) => submitted && !v.trim();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password || (totpStep && !totpValid)) return;
    setBusy(true);
    setError(undefined);
    try {
      await signIn({ email: email.trim(), password, ...(totpStep ? { totp } : {}) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth.totp_required') {
        setTotpStep(true);
        setSubmitted(false);
      } else {
        setError(err);
        if (totpStep) setTotp('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <Heading variant="h1" mb="s">
        {t('common:appName')}
      </Heading>
      <Paragraph mb="s">{t('intro')}</Paragraph>
      <Paragraph mb="l">{t('staffOnly')}</Paragraph>
      {sessionEnded && <NoticeAlert status="warning">{t('common:sessionEnded')}</NoticeAlert>}
      {providerError && <ErrorAlert>{providerError}</ErrorAlert>}
      {providerTotp ? (
        <OrganisationTotpStep />
      ) : (
        <>
          <OrganisationSignIn />
          <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-heading">
            <Heading variant="h2" id="login-heading" mb="m">
              {t('heading')}
            </Heading>
            <TextInput
              labelText={t('email')}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(v) => setEmail(text(v))}
              status={missing(email) ? 'error' : 'default'}
              statusText={missing(email) ? t('required') : undefined}
              fullWidth
              mb="m"
            />
            <TextInput
              labelText={t('password')}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(v) => setPassword(text(v))}
              status={missing(password) ? 'error' : 'default'}
              statusText={missing(password) ? t('required') : undefined}
              fullWidth
              mb="m"
            />
            {totpStep && (
              <>
                <Paragraph mb="s">{t('totpStep')}</Paragraph>
                <TextInput
                  ref={totpRef}
                  labelText={t('totp')}
                  hintText={t('totpHint')}
                  name="totp"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={totp}
                  onChange={(v) => setTotp(text(v).replace(/\D/g, ''))}
                  status={submitted && !totpValid ? 'error' : 'default'}
                  statusText={submitted && !totpValid ? t('totpFormat') : undefined}
                  mb="m"
                />
              </>
            )}
            {error !== undefined && <ErrorAlert>{errorMessage(t, error)}</ErrorAlert>}
            <Button type="submit" disabled={busy} mt="s">
              {busy ? t('signingIn') : t('submit')}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
