import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { useAuth } from '../../auth';
import { errorMessage } from '../../errors';

// Minimal sign-in; the full page (TOTP step, notices) is built on top of this.
export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await signIn({ email, password });
          navigate('/');
        } catch (err) {
          setError(errorMessage(t, err));
        }
      }}
    >
      <Heading variant="h1">{t('appName')}</Heading>
      <TextInput labelText="Email" value={email} onChange={(v) => setEmail(String(v ?? ''))} />
      <TextInput labelText="Password" type="password" value={password} onChange={(v) => setPassword(String(v ?? ''))} />
      {error && <p role="alert">{error}</p>}
      <Button type="submit">OK</Button>
    </form>
  );
}
