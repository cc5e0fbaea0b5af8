import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { AGENCY_TOKEN_SCOPES, type AgencyTokenView } from '../../../../shared/documents';
import { useUser } from '../../../auth';
import { ErrorAlert, NoticeAlert } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';
import { useTitle } from '../../../useTitle';
import { useAgencyTokens, useCreateToken, useRevokeToken } from '../../desk/documents/api';
import { documentError, formatWhen } from '../../desk/documents/labels';
import { RetentionNotice } from '../../expert/documents/ExpertDocumentsArea';
import '../../desk/documents/documents.css';

/** /admin/agency-tokens: the agency admin's API tokens for the agency's own systems, and the retention notice. */
export function AgencyTokensPage() {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const me = useUser();
  const agencyIds = [...new Set(me.roles.filter((r) => r.role === 'agency-admin').map((r) => r.organisationId))];
  const organisations = useOrganisations().data ?? [];
  const [chosen, setChosen] = useState<string>();
  const agencyId = chosen ?? agencyIds[0];
  const tokens = useAgencyTokens(agencyId);
  useTitle(t('tokens.title'));
  if (!agencyId) return <NoticeAlert status="warning">{t('tokens.noAgency')}</NoticeAlert>;
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('tokens.title')}
      </Heading>
      {agencyIds.length > 1 && (
        <div className="doc-field">
          <label htmlFor="doc-token-agency">{t('inbox.agency')}</label>
          <select id="doc-token-agency" value={agencyId} onChange={(e) => setChosen(e.target.value)}>
            {agencyIds.map((id) => (
              <option key={id} value={id}>
                {localized(organisations.find((o) => o.id === id)?.name ?? { fi: id, sv: id, en: id }, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Paragraph mb="m">{t('tokens.intro')}</Paragraph>
      <RetentionNotice agencyId={agencyId} />
      <section className="doc-panel" aria-labelledby="doc-tokens-h">
        <h2 id="doc-tokens-h">{t('tokens.listHeading')}</h2>
        <QueryStatus query={tokens}>{(list) => <TokenTable tokens={list} />}</QueryStatus>
      </section>
      <section className="doc-panel" aria-labelledby="doc-token-new-h">
        <h2 id="doc-token-new-h">{t('tokens.newHeading')}</h2>
        <NewTokenForm agencyId={agencyId} />
      </section>
    </>
  );
}

function TokenTable({ tokens }: { tokens: AgencyTokenView[] }) {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const revoke = useRevokeToken();
  if (tokens.length === 0) return <Paragraph>{t('tokens.none')}</Paragraph>;
  return (
    <>
      <table className="doc-table">
        <caption className="doc-visually-hidden">{t('tokens.listHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.scopes')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('tokens.state')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.scopes.map((s) => t(`tokens.scope.${s.replace(':', '_')}`)).join(', ')}</td>
              <td>{formatWhen(k.createdAt, lang)}</td>
              <td>{formatWhen(k.lastUsedAt, lang)}</td>
              <td>
                {k.revokedAt ? (
                  t('tokens.revokedAt', { date: formatWhen(k.revokedAt, lang) })
                ) : (
                  <button type="button" className="doc-button" onClick={() => revoke.mutate(k.id)} disabled={revoke.isPending} aria-label={t('tokens.revokeNamed', { name: k.name })}>
                    {t('tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.isError && <ErrorAlert>{documentError(t, revoke.error)}</ErrorAlert>}
    </>
  );
}

function NewTokenForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('documents');
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['documents:read']);
  const create = useCreateToken(agencyId);
  return (
    <>
      <form
        className="doc-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, scopes }, { onSuccess: () => setName('') });
        }}
      >
        <div className="doc-field">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input id={`${id}-name`} type="text" autoComplete="off" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="doc-choice">
          <legend className="doc-legend">{t('tokens.scopes')}</legend>
          {AGENCY_TOKEN_SCOPES.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />
              {t(`tokens.scope.${s.replace(':', '_')}`)}
            </label>
          ))}
        </fieldset>
        {create.isError && <ErrorAlert>{documentError(t, create.error)}</ErrorAlert>}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t('tokens.create')}
          </Button>
        </div>
      </form>
      {create.data && (
        <section className="doc-panel" aria-labelledby={`${id}-once`}>
          <h3 id={`${id}-once`}>{t('tokens.onceHeading', { name: create.data.apiToken.name })}</h3>
          <Paragraph>{t('tokens.once')}</Paragraph>
          <label htmlFor={`${id}-token`}>{t('tokens.token')}</label>
          <input id={`${id}-token`} className="doc-once-input" data-testid="agency-token" readOnly value={create.data.token} onFocus={(e) => e.currentTarget.select()} />
          <Paragraph mt="s">{t('tokens.usage')}</Paragraph>
        </section>
      )}
    </>
  );
}
