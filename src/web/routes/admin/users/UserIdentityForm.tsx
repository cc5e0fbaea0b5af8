import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, TextInput } from 'suomifi-ui-components';
import { updateUserRequest } from '../../../../shared/users';
import type { UserView } from '../../../../shared/users';
import { adminError } from '../common/adminError';
import { invalidPaths } from '../common/validation';
import { useUpdateUser } from './useUsers';

/** The account's name and email address (the sign-in name, so the server keeps it unique). */
export function UserIdentityForm({ user }: { user: UserView }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser(user.id);
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const edited = (fn: (v: string) => void) => (v: string | number | undefined) => {
    fn(String(v ?? ''));
    update.reset();
  };
  return (
    <section className="admin-section" aria-labelledby="user-name-h">
      <Heading variant="h2" id="user-name-h">
        {t('userDetail.nameHeading')}
      </Heading>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = { name, ...(email.trim().toLowerCase() !== user.email ? { email } : {}) };
          const parsed = updateUserRequest.safeParse(body);
          setInvalid(invalidPaths(parsed));
          if (parsed.success) update.mutate(parsed.data);
        }}
      >
        <TextInput
          labelText={t('users.name')}
          value={name}
          onChange={edited(setName)}
          status={invalid.has('name') ? 'error' : 'default'}
          statusText={invalid.has('name') ? t('validation.required') : undefined}
        />
        <TextInput
          labelText={t('users.email')}
          type="email"
          value={email}
          onChange={edited(setEmail)}
          status={invalid.has('email') ? 'error' : 'default'}
          statusText={invalid.has('email') ? t('validation.email') : undefined}
        />
        {update.isError && <InlineAlert status="error">{adminError(t, update.error)}</InlineAlert>}
        <div className="admin-form-actions">
          <Button type="submit" disabled={update.isPending}>
            {t('userDetail.saveName')}
          </Button>
          <p role="status" className="admin-status">
            {update.isSuccess ? t('saved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
