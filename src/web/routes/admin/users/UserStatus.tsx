import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/users';

export const isLocked = (u: UserView) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

/** Active or deactivated, MFA on or off, and a lock after failed sign-ins, as one readable line. */
export function UserStatus({ user }: { user: UserView }) {
  const { t } = useTranslation('admin');
  const parts = [
    user.active ? t('status.active') : t('status.deactivated'),
    user.mfaEnabled ? t('status.mfaOn') : t('status.mfaOff'),
    ...(isLocked(user) ? [t('status.locked')] : []),
    ...(!user.hasPassword ? [t('status.noPassword')] : []),
  ];
  return <span className={user.active ? undefined : 'admin-inactive'}>{parts.join(', ')}</span>;
}
