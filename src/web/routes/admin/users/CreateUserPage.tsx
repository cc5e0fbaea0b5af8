import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Dropdown, DropdownItem, Heading, InlineAlert, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { createUserRequest } from '../../../../shared/users';
import { useUser } from '../../../auth';
import { hetuFields } from '../../../errors';
import { adminError } from '../common/adminError';
import { localized } from '../common/format';
import { OneTimeLink } from '../common/OneTimeLink';
import { hasPrefix, invalidPaths } from '../common/validation';
import { useOrganisations, useServicePoints } from '../common/useDirectory';
import { RolesEditor } from './RolesEditor';
import { type RoleDraft, grantableRoles, isMainAdmin, ownAgency, toAssignments } from './roleDraft';
import { type UserWithLink, useCreateUser } from './useUsers';

/** A new staff account; its one-time set-password link is shown here once, to hand over to the person. */
export function CreateUserPage() {
  const { t, i18n } = useTranslation('admin');
  const me = useUser();
  const main = isMainAdmin(me);
  const orgs = useOrganisations();
  const points = useServicePoints();
  const create = useCreateUser();
  const [organisationId, setOrganisationId] = useState(main ? '' : (ownAgency(me) ?? ''));
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<RoleDraft[]>([]);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [hetu, setHetu] = useState<Set<string>>(new Set());
  const [created, setCreated] = useState<UserWithLink>();
  const orgName = (id: string) => localized(orgs.data?.find((o) => o.id === id)?.name, i18n.language);

  if (created) {
    return (
      <>
        <Heading variant="h1">{t('createUser.createdTitle')}</Heading>
        <Paragraph>{t('createUser.createdText', { name: created.user.name, email: created.user.email })}</Paragraph>
        <OneTimeLink heading={t('link.heading')} url={created.setPasswordUrl} expiresAt={created.expiresAt} />
        <div className="admin-form-actions">
          <RouterLink asComponent={Link} to={`../${created.user.id}`} relative="path">
            {t('createUser.openUser', { name: created.user.name })}
          </RouterLink>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(undefined);
              setEmail('');
              setName('');
              setRoles([]);
              create.reset();
            }}
          >
            {t('createUser.another')}
          </Button>
        </div>
      </>
    );
  }

  const submit = () => {
    const body = { organisationId, email, name, roles: toAssignments(roles, organisationId) };
    const parsed = createUserRequest.safeParse(body);
    setInvalid(invalidPaths(parsed));
    setHetu(hetuFields(parsed));
    if (parsed.success) create.mutate(parsed.data, { onSuccess: setCreated });
  };

  return (
    <>
      <Heading variant="h1">{t('createUser.title')}</Heading>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {main ? (
          <Dropdown
            labelText={t('users.organisation')}
            visualPlaceholder={t('createUser.chooseOrganisation')}
            value={organisationId || null}
            onChange={setOrganisationId}
            status={invalid.has('organisationId') ? 'error' : 'default'}
            statusText={invalid.has('organisationId') ? t('validation.chooseOne') : undefined}
          >
            {(orgs.data ?? []).map((o) => (
              <DropdownItem key={o.id} value={o.id}>
                {localized(o.name, i18n.language)}
              </DropdownItem>
            ))}
          </Dropdown>
        ) : (
          <dl className="admin-dl">
            <dt>{t('users.organisation')}</dt>
            <dd>{orgName(organisationId)}</dd>
          </dl>
        )}
        <TextInput
          labelText={t('users.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(v) => setEmail(String(v ?? ''))}
          status={invalid.has('email') ? 'error' : 'default'}
          statusText={invalid.has('email') ? t('validation.email') : undefined}
        />
        <TextInput
          labelText={t('users.name')}
          autoComplete="off"
          value={name}
          onChange={(v) => setName(String(v ?? ''))}
          status={invalid.has('name') ? 'error' : 'default'}
          statusText={hetu.has('name') ? t('common:errors.personal_id_forbidden') : invalid.has('name') ? t('validation.required') : undefined}
        />
        <RolesEditor
          value={roles}
          onChange={setRoles}
          grantable={grantableRoles(me)}
          servicePoints={points.data ?? []}
          organisation={orgs.data?.find((o) => o.id === organisationId)}
        />
        {hasPrefix(invalid, 'roles') && <InlineAlert status="error">{roles.length === 0 ? t('validation.rolesNone') : t('validation.roles')}</InlineAlert>}
        {create.isError && <InlineAlert status="error">{adminError(t, create.error)}</InlineAlert>}
        <div className="admin-form-actions">
          <Button type="submit" disabled={create.isPending}>
            {t('createUser.submit')}
          </Button>
          <RouterLink asComponent={Link} to=".." relative="path">
            {t('cancel')}
          </RouterLink>
        </div>
      </form>
    </>
  );
}
