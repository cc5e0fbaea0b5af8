import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import type { UserView } from '../../../../shared/users';
import { useUser } from '../../../auth';
import { adminError } from '../common/adminError';
import { useOrganisations, useServicePoints } from '../common/useDirectory';
import { RolesEditor } from './RolesEditor';
import { type RoleDraft, grantableRoles, toAssignments, toDrafts } from './roleDraft';
import { useSetRoles } from './useUsers';

/** Replaces the account's roles as a whole (PUT), within the account's own organisation. */
export function UserRolesSection({ user }: { user: UserView }) {
  const { t } = useTranslation('admin');
  const me = useUser();
  const points = useServicePoints();
  const orgs = useOrganisations();
  const setRoles = useSetRoles(user.id);
  const [roles, setDrafts] = useState<RoleDraft[]>(() => toDrafts(user.roles));
  return (
    <section className="admin-section" aria-labelledby="user-roles-h">
      <Heading variant="h2" id="user-roles-h">
        {t('userDetail.rolesHeading')}
      </Heading>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          setRoles.mutate(toAssignments(roles, user.organisationId));
        }}
      >
        <RolesEditor
          value={roles}
          onChange={(v) => {
            setDrafts(v);
            setRoles.reset();
          }}
          grantable={grantableRoles(me)}
          servicePoints={points.data ?? []}
          organisation={orgs.data?.find((o) => o.id === user.organisationId)}
        />
        {setRoles.isError && <InlineAlert status="error">{adminError(t, setRoles.error)}</InlineAlert>}
        <div className="admin-form-actions">
          <Button type="submit" disabled={setRoles.isPending}>
            {t('userDetail.saveRoles')}
          </Button>
          <p role="status" className="admin-status">
            {setRoles.isSuccess ? t('saved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
