import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, TextInput } from 'suomifi-ui-components';
import type { SignInProvider } from '../../../shared/identity-providers';
import { get } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert } from '../../components/Alerts';
import { errorMessage } from '../../errors';

/** Problem codes the server puts in `/login?oidcError=…` after a refused provider sign-in. */
const OIDC_ERRORS = ['auth.oidc_no_account', 'auth.oidc_inactive', 'auth.oidc_failed', 'auth.oidc_unavailable', 'auth.oidc_expired', 'auth.oidc_unknown_provider'];

export function oidcErrorText(t: (key: string) => string, code: string | null): string | undefined {
  return code && OIDC_ERRORS.includes(code) ? t(`common:errors.${code}`) : undefined;
}

/**
 * One button per organisation's sign-in service. Each is a plain navigation: the browser goes to the provider and
 * comes back to the server's callback, which signs it in and sends it on to its area.
 */
export function OrganisationSignIn() {
  const { t, i18n } = useTranslation(['login', 'common']);
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  useEffect(() => {
    get<{ providers: SignInProvider[] }>('/api/auth/oidc/providers')
      .then((res) => setProviders(res.providers))
      .catch(() => setProviders([]));
  }, []);
  if (providers.length === 0) return null;
  const lang = i18n.language.slice(0, 2);
  return (
    <section className="login-form login-providers" aria-labelledby="login-oidc-heading">
      <Heading variant="h2" id="login-oidc-heading" mb="s">
        {t('oidc.heading')}
      </Heading>
      <Paragraph mb="m">{t('oidc.intro')}</Paragraph>
      <ul className="login-provider-list">
        {providers.map((p) => (
          <li key={p.id}>
            <Button onClick={() => window.location.assign(`/api/auth/oidc/${encodeURIComponent(p.id)}/start?lang=${lang}`)}>
              {t('oidc.button', { name: p.name })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After a provider sign-in without multi-factor, an account that uses Etäpiste's TOTP gives its code here. */
export function OrganisationTotpStep() {
  const { t } = useTranslation(['login', 'common']);
  const { confirmProviderSignIn } = useAuth();
  const [totp, setTotp] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const valid = /^\d{6}$/.test(totp);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    setBusy(true);
    setError(undefined);
    try {
      await confirmProviderSignIn(totp);
    } catch (err) {
      setError(err);
      setTotp('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-totp-heading">
      <Heading variant="h2" id="login-totp-heading" mb="m">
        {t('oidc.totpHeading')}
      </Heading>
      <Paragraph mb="m">{t('oidc.totpIntro')}</Paragraph>
      <TextInput
        ref={ref}
        labelText={t('totp')}
        hintText={t('totpHint')}
        name="totp"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={totp}
        onChange={(v) => setTotp(String(v ?? '').replace(/\D/g, ''))}
        status={submitted && !valid ? 'error' : 'default'}
        statusText={submitted && !valid ? t('totpFormat') : undefined}
        mb="m"
      />
      {error !== undefined && <ErrorAlert>{errorMessage(t, error)}</ErrorAlert>}
      <Button type="submit" disabled={busy} mt="s">
        {busy ? t('signingIn') : t('submit')}
      </Button>
      <Paragraph mt="m">
        <Link href="/login">{t('oidc.restart')}</Link>
      </Paragraph>
    </form>
  );
}
