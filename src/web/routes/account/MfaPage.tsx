import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { post } from '../../api';
import { useAuth, useUser } from '../../auth';
import { ErrorAlert, NoticeAlert } from '../../components/Alerts';
import { errorMessage } from '../../errors';
import { useTitle } from '../../useTitle';
import { MfaConfirmForm } from './MfaConfirmForm';

type Setup = { secret: string; otpauthUrl: string; qrDataUrl: string };

/** TOTP enrolment: a QR code (and the key as text), then one code from the app confirms it. */
export function MfaPage() {
  const { t } = useTranslation(['account', 'common']);
  const me = useUser();
  const { refresh } = useAuth();
  const [enrolled, setEnrolled] = useState(false);
  useTitle(t('mfa.heading'));
  const setup = useMutation({ mutationFn: () => post<Setup>('/api/me/mfa/setup') });
  const confirm = useMutation({
    mutationFn: (code: string) => post('/api/me/mfa/confirm', { code }),
    onSuccess: async () => {
      setEnrolled(true);
      // The session's mfaRequired flag clears only on the server; fetch it so the areas open.
      await refresh();
    },
  });

  const back = (
    <Paragraph mt="m">
      <RouterLink asComponent={RouterDomLink} to={enrolled ? '/' : '/account'}>
        {enrolled ? t('mfa.continue') : t('mfa.back')}
      </RouterLink>
    </Paragraph>
  );

  return (
    <>
      <Heading variant="h1" mb="m">
        {t('mfa.heading')}
      </Heading>
      {enrolled ? (
        <>
          <NoticeAlert>{t('mfa.done')}</NoticeAlert>
          {back}
        </>
      ) : me.mfaEnabled ? (
        <>
          <Paragraph>{t('mfa.alreadyOn')}</Paragraph>
          {back}
        </>
      ) : (
        <>
          {me.mfaRequired && <NoticeAlert status="warning">{t('mfa.required')}</NoticeAlert>}
          <Paragraph mb="m">{t('mfa.intro')}</Paragraph>
          {!setup.data ? (
            <>
              {setup.isError && <ErrorAlert>{errorMessage(t, setup.error)}</ErrorAlert>}
              <Button onClick={() => setup.mutate()} disabled={setup.isPending}>
                {setup.isPending ? t('mfa.starting') : t('mfa.start')}
              </Button>
            </>
          ) : (
            <div className="mfa-setup">
              <Paragraph>{t('mfa.scan')}</Paragraph>
              <img className="mfa-qr" src={setup.data.qrDataUrl} alt={t('mfa.qrAlt')} width={240} height={240} />
              <Paragraph>{t('mfa.manual')}</Paragraph>
              <code className="mfa-secret" data-testid="mfa-secret">
                {setup.data.secret}
              </code>
              <Paragraph mb="s">{t('mfa.enter')}</Paragraph>
              <MfaConfirmForm onConfirm={(code) => confirm.mutate(code)} pending={confirm.isPending} error={confirm.error} />
            </div>
          )}
          {!me.mfaRequired && back}
        </>
      )}
    </>
  );
}
