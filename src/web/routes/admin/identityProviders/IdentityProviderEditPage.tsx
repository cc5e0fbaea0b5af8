import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Checkbox, CheckboxGroup, Heading, InlineAlert, RouterLink, TextInput } from 'suomifi-ui-components';
import { type IdentityProviderView, createIdentityProviderRequest } from '../../../../shared/identity-providers';
import { AGENCY_ROLES, type Role } from '../../../../shared/roles';
import { adminError } from '../common/adminError';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useOrganisations } from '../common/useDirectory';
import { hasPrefix, invalidPaths } from '../common/validation';
import { useIdentityProviders, useSaveIdentityProvider } from './useIdentityProviders';

/** /identity-providers/new adds a sign-in service, /identity-providers/:id edits one. */
export function IdentityProviderEditPage() {
  const { id } = useParams();
  const { t } = useTranslation('admin');
  const providers = useIdentityProviders();
  return (
    <>
      <p>
        <RouterLink asComponent={Link} to=".." relative="path">
          {t('identityProviders.back')}
        </RouterLink>
      </p>
      {id ? (
        <QueryState query={providers}>
          {(list) => {
            const found = list.find((p) => p.id === id);
            return found ? <ProviderForm key={found.id} provider={found} /> : <InlineAlert status="error">{t('identityProviders.notFound')}</InlineAlert>;
          }}
        </QueryState>
      ) : (
        <ProviderForm />
      )}
    </>
  );
}

const text = (v: unknown) => String(v ?? '');
/** The mapping is kept as "group → role"; the form asks, per role, which group grants it. */
const groupOf = (groupRoles: Record<string, string>, role: Role) => Object.entries(groupRoles).find(([, r]) => r === role)?.[0] ?? '';

function ProviderForm({ provider }: { provider?: IdentityProviderView }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const navigate = useNavigate();
  const save = useSaveIdentityProvider(provider?.id);
  const orgs = useOrganisations();
  const [name, setName] = useState(provider?.name ?? '');
  const [issuer, setIssuer] = useState(provider?.issuer ?? 'https://');
  const [clientId, setClientId] = useState(provider?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [organisationIds, setOrganisationIds] = useState<string[]>(provider?.organisationIds ?? []);
  const [domains, setDomains] = useState((provider?.emailDomains ?? []).join(', '));
  const [allowCreate, setAllowCreate] = useState(provider?.allowCreate ?? false);
  const [groupClaim, setGroupClaim] = useState(provider?.groupClaim ?? '');
  const [groups, setGroups] = useState<Record<string, string>>(Object.fromEntries(AGENCY_ROLES.map((r) => [r, groupOf(provider?.groupRoles ?? {}, r)])));
  const [active, setActive] = useState(provider?.active ?? true);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  const submit = () => {
    const groupRoles = Object.fromEntries(Object.entries(groups).filter(([, g]) => g.trim()).map(([role, g]) => [g.trim(), role]));
    const body = {
      name,
      issuer: issuer.trim(),
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      organisationIds,
      emailDomains: domains.split(',').map((d) => d.trim()).filter(Boolean),
      allowCreate,
      groupClaim: groupClaim.trim() || null,
      groupRoles,
      active,
    };
    const parsed = createIdentityProviderRequest.safeParse(body);
    setInvalid(invalidPaths(parsed));
    if (!parsed.success) return;
    save.mutate(parsed.data, { onSuccess: () => navigate('..', { relative: 'path' }) });
  };
  const status = (path: string) => (hasPrefix(invalid, path) ? ('error' as const) : ('default' as const));

  return (
    <>
      <Heading variant="h1">{provider ? provider.name : t('identityProviders.createTitle')}</Heading>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextInput labelText={t('identityProviders.name')} value={name} onChange={(v) => setName(text(v))} status={status('name')} statusText={invalid.has('name') ? t('validation.required') : undefined} />
        <TextInput
          labelText={t('identityProviders.issuer')}
          hintText={t('identityProviders.issuerHint')}
          type="url"
          fullWidth
          value={issuer}
          onChange={(v) => setIssuer(text(v))}
          status={status('issuer')}
          statusText={invalid.has('issuer') ? t('errors.identity_provider.issuer_https') : undefined}
        />
        <TextInput labelText={t('identityProviders.clientId')} value={clientId} onChange={(v) => setClientId(text(v))} status={status('clientId')} statusText={invalid.has('clientId') ? t('validation.required') : undefined} />
        <TextInput
          labelText={t('identityProviders.clientSecret')}
          hintText={provider?.hasClientSecret ? t('identityProviders.clientSecretKeep') : undefined}
          optionalText={provider?.hasClientSecret ? t('optional') : undefined}
          type="password"
          autoComplete="new-password"
          value={clientSecret}
          onChange={(v) => setClientSecret(text(v))}
        />
        <QueryState query={orgs}>
          {(list) => (
            <CheckboxGroup
              labelText={t('identityProviders.organisations')}
              groupStatus={status('organisationIds')}
              groupStatusText={hasPrefix(invalid, 'organisationIds') ? t('validation.chooseOne') : undefined}
            >
              {list.map((o) => (
                <Checkbox
                  key={o.id}
                  checked={organisationIds.includes(o.id)}
                  onClick={({ checkboxState }) => setOrganisationIds(checkboxState ? [...organisationIds, o.id] : organisationIds.filter((x) => x !== o.id))}
                >
                  {localized(o.name, i18n.language)}
                </Checkbox>
              ))}
            </CheckboxGroup>
          )}
        </QueryState>
        <TextInput
          labelText={t('identityProviders.domains')}
          hintText={t('identityProviders.domainsHint')}
          optionalText={t('optional')}
          value={domains}
          onChange={(v) => setDomains(text(v))}
          status={status('emailDomains')}
          statusText={hasPrefix(invalid, 'emailDomains') ? t('errors.identity_provider.domain') : undefined}
        />
        <Checkbox checked={allowCreate} onClick={({ checkboxState }) => setAllowCreate(checkboxState)}>
          {t('identityProviders.allowCreate')}
        </Checkbox>
        <TextInput
          labelText={t('identityProviders.groupClaim')}
          hintText={t('identityProviders.groupClaimHint')}
          optionalText={t('optional')}
          value={groupClaim}
          onChange={(v) => setGroupClaim(text(v))}
          status={status('groupClaim')}
        />
        {AGENCY_ROLES.map((role) => (
          <TextInput
            key={role}
            labelText={t('identityProviders.groupFor', { role: t(`common:roles.${role}`) })}
            optionalText={t('optional')}
            value={groups[role] ?? ''}
            onChange={(v) => setGroups({ ...groups, [role]: text(v) })}
          />
        ))}
        <Checkbox checked={active} onClick={({ checkboxState }) => setActive(checkboxState)}>
          {t('identityProviders.active')}
        </Checkbox>
        {save.isError && <InlineAlert status="error">{adminError(t, save.error)}</InlineAlert>}
        <div className="admin-form-actions">
          <Button type="submit" disabled={save.isPending}>
            {provider ? t('save') : t('identityProviders.submitCreate')}
          </Button>
        </div>
      </form>
    </>
  );
}
