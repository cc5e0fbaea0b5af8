import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import type { UserView } from '../../../../shared/users';
import { useUser } from '../../../auth';
import { adminError } from '../common/adminError';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { OneTimeLink } from '../common/OneTimeLink';
import { type UserAction, usePasswordLink, useUserAction } from './useUsers';

/** Deactivate or activate, reset MFA, and issue a new set-password link; the risky ones are confirmed first. */
export function UserAccountActions({ user }: { user: UserView }) {
  const { t } = useTranslation('admin');
  // The server refuses these on one's own account (user.self); say so instead of offering them.
  const self = useUser().id === user.id;
  const action = useUserAction(user.id);
  const link = usePasswordLink(user.id);
  const [confirming, setConfirming] = useState<UserAction>();
  const [done, setDone] = useState('');
  const run = (a: UserAction) => {
    setConfirming(undefined);
    setDone('');
    link.reset();
    action.mutate(a, { onSuccess: () => setDone(t(`userDetail.done.${a === 'mfa/reset' ? 'mfaReset' : a}`)) });
  };
  const dialog = confirming && {
    deactivate: { title: t('userDetail.confirmDeactivate.title'), body: t('userDetail.confirmDeactivate.body', { name: user.name }), label: t('userDetail.deactivate') },
    activate: { title: t('userDetail.confirmActivate.title'), body: t('userDetail.confirmActivate.body', { name: user.name }), label: t('userDetail.activate') },
    'mfa/reset': { title: t('userDetail.confirmMfaReset.title'), body: t('userDetail.confirmMfaReset.body', { name: user.name }), label: t('userDetail.mfaReset') },
  }[confirming];

  return (
    <section className="admin-section" aria-labelledby="user-account-h">
      <Heading variant="h2" id="user-account-h">
        {t('userDetail.accountHeading')}
      </Heading>
      <Paragraph>{self ? t('userDetail.selfNote') : user.active ? t('userDetail.deactivateHelp') : t('userDetail.activateHelp')}</Paragraph>
      <div className="admin-form-actions">
        {!self && (
          <Button variant="secondary" onClick={() => setConfirming(user.active ? 'deactivate' : 'activate')} disabled={action.isPending}>
            {user.active ? t('userDetail.deactivate') : t('userDetail.activate')}
          </Button>
        )}
        {!self && user.mfaEnabled && (
          <Button variant="secondary" onClick={() => setConfirming('mfa/reset')} disabled={action.isPending}>
            {t('userDetail.mfaReset')}
          </Button>
        )}
        <Button
          variant="secondary"
          disabled={link.isPending || !user.active}
          onClick={() => {
            setDone('');
            link.mutate();
          }}
        >
          {t('userDetail.newLink')}
        </Button>
      </div>
      <p role="status" className="admin-status">
        {done}
      </p>
      {action.isError && <InlineAlert status="error">{adminError(t, action.error)}</InlineAlert>}
      {link.isError && <InlineAlert status="error">{adminError(t, link.error)}</InlineAlert>}
      {link.data && <OneTimeLink heading={t('link.newHeading')} url={link.data.setPasswordUrl} expiresAt={link.data.expiresAt} />}
      {dialog && (
        <ConfirmDialog visible title={dialog.title} body={dialog.body} confirmLabel={dialog.label} onConfirm={() => run(confirming!)} onCancel={() => setConfirming(undefined)} />
      )}
    </section>
  );
}
