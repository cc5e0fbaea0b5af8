import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../components/Alerts';
import { errorMessage } from '../../errors';

type Props = { onConfirm(code: string): void; pending: boolean; error: unknown };

/** The six-digit code that proves the app was set up with the shown key. */
export function MfaConfirmForm({ onConfirm, pending, error }: Props) {
  const { t } = useTranslation(['account', 'common']);
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const valid = /^\d{6}$/.test(code);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (valid) onConfirm(code);
      }}
    >
      <TextInput
        labelText={t('mfa.codeLabel')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={(v) => setCode(String(v ?? '').replace(/\D/g, ''))}
        status={submitted && !valid ? 'error' : 'default'}
        statusText={submitted && !valid ? t('mfa.codeFormat') : undefined}
        mb="m"
      />
      {error !== null && error !== undefined && <ErrorAlert>{errorMessage(t, error)}</ErrorAlert>}
      <Button type="submit" disabled={pending}>
        {pending ? t('mfa.confirming') : t('mfa.confirm')}
      </Button>
    </form>
  );
}
