import type { IdentityProviderView } from '../../../shared/identity-providers.js';
import { redirectUri } from '../../auth/oidc/client.js';
import type { IdentityProviderRow } from '../../auth/oidc/repository.js';
import type { Config } from '../../config.js';

/** The client secret never leaves the server: only whether one is stored. */
export function presentIdentityProvider(config: Config, row: IdentityProviderRow): IdentityProviderView {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: !!row.clientSecretSealed,
    organisationIds: row.organisationIds,
    emailDomains: row.emailDomains,
    allowCreate: row.allowCreate,
    groupClaim: row.groupClaim,
    groupRoles: row.groupRoles,
    active: row.active,
    redirectUri: config.publicUrl ? redirectUri(config) : '',
  };
}
