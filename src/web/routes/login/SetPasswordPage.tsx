import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router';
import { Button, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth';
import { ApiError, get, post } from '../../api';
import { ErrorAlert, NoticeAlert } from '../../components/Alerts';
import { Loading } from '../../components/Loading';
import { errorMessage } from '../../errors';
import { useTitle } from '../../useTitle';
import './login.css';

type TokenInfo = { email: string; name: string };
const text = (v: string | number | undefined) => String(v ?? '');

/** The one-time link from an admin: greets the person and sets their first (or a new) password. */
export function SetPasswordPage() {
  const { t } = useTranslation(['login', 'common']);
  const { token = '' } = useParams();
  const info = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => get<TokenInfo>(`/api/password-tokens/${encodeURIComponent(token)}`),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const save = useMutation({ mutationFn: (password: string) => post('/api/auth/set-password', { token, password }) });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  useTitle(t('setPassword.heading'));

  const signInLink = (
    <RouterLink asComponent={RouterDomLink} to="/login">
      {t('setPassword.signIn')}
    </RouterLink>
  );

  if (info.isPending) return <Loading />;
  if (info.isError) {
    const expired = info.error instanceof ApiError && [404, 410, 422].includes(info.error.status);
    return (
      <div className="login">
        <Heading variant="h1" mb="m">
          {t('setPassword.invalidHeading')}
        </Heading>
        <ErrorAlert>{expired ? t('common:errors.password_token.invalid') : errorMessage(t, info.error)}</ErrorAlert>
        <Paragraph mb="m">{t('setPassword.invalidHint')}</Paragraph>
        <Paragraph>{signInLink}</Paragraph>
      </div>
    );
  }
  if (save.isSuccess) {
    return (
      <div className="login">
        <Heading variant="h1" mb="m">
          {t('setPassword.heading')}
        </Heading>
        <NoticeAlert>{t('setPassword.done')}</NoticeAlert>
        <Paragraph>{signInLink}</Paragraph>
      </div>
    );
  }

  const tooShort = password.length < PASSWORD_MIN_LENGTH;
  const mismatch = password !== confirm;
  return (
    <div className="login">
      <Heading variant="h1" mb="m">
        {t('setPassword.heading')}
      </Heading>
      <Paragraph mb="s">{t('setPassword.greeting', { name: info.data.name, email: info.data.email })}</Paragraph>
      <Paragraph mb="l">{t('setPassword.rules', { min: PASSWORD_MIN_LENGTH })}</Paragraph>
      <form
        className="login-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(true);
          if (!tooShort && !mismatch) save.mutate(password);
        }}
      >
        {/* The email lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={info.data.email} readOnly hidden />
        <TextInput
          labelText={t('setPassword.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(v) => setPassword(text(v))}
          status={submitted && tooShort ? 'error' : 'default'}
          statusText={submitted && tooShort ? t('setPassword.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
          fullWidth
          mb="m"
        />
        <TextInput
          labelText={t('setPassword.confirm')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(v) => setConfirm(text(v))}
          status={submitted && !tooShort && mismatch ? 'error' : 'default'}
          statusText={submitted && !tooShort && mismatch ? t('setPassword.mismatch') : undefined}
          fullWidth
          mb="m"
        />
        {save.isError && <ErrorAlert>{errorMessage(t, save.error)}</ErrorAlert>}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('setPassword.saving') : t('setPassword.submit')}
        </Button>
      </form>
    </div>
  );
}
