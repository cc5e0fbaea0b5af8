import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/users';

/** Active or deactivated, MFA on or off, and whether a password is set, as one readable line. */
export function UserStatus({ user }: { user: UserView }) {
  const { t } = useTranslation('admin');
  const parts = [
    user.active ? t('status.active') : t('status.deactivated'),
    user.mfaEnabled ? t('status.mfaOn') : t('status.mfaOff'),
    ...(!user.hasPassword ? [t('status.noPassword')] : []),
  ];
  return <span className={user.active ? undefined : 'admin-inactive'}>{parts.join(', ')}</span>;
}
