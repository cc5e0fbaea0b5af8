import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Dropdown, DropdownItem, Heading, InlineAlert, RouterLink, TextInput } from 'suomifi-ui-components';
import type { LocalizedText } from '../../../../shared/common';
import { ORGANISATION_KINDS, type OrganisationView, organisationInput } from '../../../../shared/directory';
import { adminError } from '../common/adminError';
import { emptyLocalized, localized } from '../common/format';
import { LocalizedTextFields } from '../common/LocalizedTextFields';
import { QueryState } from '../common/QueryState';
import { useOrganisations } from '../common/useDirectory';
import { hasPrefix, invalidPaths } from '../common/validation';
import { useSaveOrganisation } from './useOrganisationMutations';

/** /organisations/new creates, /organisations/:id edits (the list holds every organisation, so no extra fetch). */
export function OrganisationEditPage() {
  const { id } = useParams();
  const { t } = useTranslation('admin');
  const orgs = useOrganisations();
  return (
    <>
      <p>
        <RouterLink asComponent={Link} to=".." relative="path">
          {t('organisations.back')}
        </RouterLink>
      </p>
      {id ? (
        <QueryState query={orgs}>
          {(list) => {
            const org = list.find((o) => o.id === id);
            return org ? <OrganisationForm key={org.id} org={org} /> : <InlineAlert status="error">{t('organisations.notFound')}</InlineAlert>;
          }}
        </QueryState>
      ) : (
        <OrganisationForm />
      )}
    </>
  );
}

type Kind = (typeof ORGANISATION_KINDS)[number];

function OrganisationForm({ org }: { org?: OrganisationView }) {
  const { t, i18n } = useTranslation('admin');
  const navigate = useNavigate();
  const save = useSaveOrganisation(org?.id);
  const [name, setName] = useState<LocalizedText>(org?.name ?? emptyLocalized());
  const [shortName, setShortName] = useState<LocalizedText>(org?.shortName ?? emptyLocalized());
  const [kind, setKind] = useState<Kind | ''>(org?.kind ?? '');
  const [businessId, setBusinessId] = useState(org?.businessId ?? '');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  const submit = () => {
    const body = { kind, name, shortName, ...(businessId.trim() ? { businessId } : {}) };
    const parsed = organisationInput.safeParse(body);
    setInvalid(invalidPaths(parsed));
    if (!parsed.success) return;
    // Clearing the business id of an existing organisation sends null.
    const payload = org && !businessId.trim() ? { ...parsed.data, businessId: null } : parsed.data;
    save.mutate(payload, { onSuccess: () => navigate('..', { relative: 'path' }) });
  };

  return (
    <>
      <Heading variant="h1">{org ? localized(org.name, i18n.language) : t('organisations.createTitle')}</Heading>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <LocalizedTextFields legend={t('organisations.name')} value={name} onChange={setName} invalid={(l) => invalid.has(`name.${l}`)} />
        <LocalizedTextFields
          legend={t('organisations.shortName')}
          hint={t('organisations.shortNameHint')}
          value={shortName}
          onChange={setShortName}
          invalid={(l) => invalid.has(`shortName.${l}`)}
        />
        <Dropdown
          labelText={t('organisations.kind')}
          visualPlaceholder={t('organisations.chooseKind')}
          value={kind || null}
          onChange={(v) => setKind(v as Kind)}
          status={invalid.has('kind') ? 'error' : 'default'}
          statusText={invalid.has('kind') ? t('validation.chooseOne') : undefined}
        >
          {ORGANISATION_KINDS.map((k) => (
            <DropdownItem key={k} value={k}>
              {t(`kinds.${k}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <TextInput
          labelText={t('organisations.businessId')}
          hintText={t('organisations.businessIdHint')}
          optionalText={t('optional')}
          value={businessId}
          onChange={(v) => setBusinessId(String(v ?? ''))}
          status={hasPrefix(invalid, 'businessId') ? 'error' : 'default'}
          statusText={hasPrefix(invalid, 'businessId') ? t('validation.businessId') : undefined}
        />
        {save.isError && <InlineAlert status="error">{adminError(t, save.error)}</InlineAlert>}
        <div className="admin-form-actions">
          <Button type="submit" disabled={save.isPending}>
            {org ? t('save') : t('organisations.submitCreate')}
          </Button>
        </div>
      </form>
    </>
  );
}
