import type { AppContext } from '../../context.js';
import { isSealedUnder, openText, sealText } from '../../crypto/sealed-text.js';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { type IdentityProviderRow, identityProviderRepository } from './repository.js';

/** A provider ready to use: an admin-configured row or the one from OIDC_* variables (id `env`). */
export type Provider = {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  organisationIds: string[];
  emailDomains: string[];
  allowCreate: boolean;
  groupClaim?: string;
  groupRoles: Record<string, string>;
  /** Changes when the configuration changes, so a cached discovery is not reused for another one. */
  version: string;
};

export const ENV_PROVIDER_ID = 'env';
const SECRET_PURPOSE = 'identity provider client secret';
const secretAad = (providerId: string) => `idp:${providerId}`;

export function sealClientSecret(config: Config, providerId: string, secret: string): string {
  if (!config.documentMasterKey) throw new Error('a master key is needed to store a client secret');
  return sealText(config.documentMasterKey, SECRET_PURPOSE, secretAad(providerId), secret);
}

function fromRow(config: Config, row: IdentityProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: row.clientSecretSealed ? openText(config, SECRET_PURPOSE, secretAad(row.id), row.clientSecretSealed) : undefined,
    organisationIds: row.organisationIds,
    emailDomains: row.emailDomains.map((d) => d.toLowerCase()),
    allowCreate: row.allowCreate,
    groupClaim: row.groupClaim ?? undefined,
    groupRoles: row.groupRoles,
    version: row.updatedAt.toISOString(),
  };
}

async function envProvider(ctx: AppContext): Promise<Provider | undefined> {
  const env = ctx.config.oidc;
  if (!env) return undefined;
  const organisationId = await identityProviderRepository.organisationIdByShortName(ctx.db, env.organisation);
  // Until the organisation exists (a fresh database) the provider signs nobody in, so it is not offered.
  if (!organisationId) return undefined;
  return {
    id: ENV_PROVIDER_ID,
    name: env.name,
    issuer: env.issuer,
    clientId: env.clientId,
    clientSecret: env.clientSecret,
    organisationIds: [organisationId],
    emailDomains: [],
    allowCreate: false,
    groupRoles: {},
    version: 'env',
  };
}

/** The providers offered on the sign-in page: the environment's first, then the admin's active ones. */
export async function activeProviders(ctx: AppContext): Promise<Provider[]> {
  const rows = (await identityProviderRepository.list(ctx.db)).filter((r) => r.active);
  const env = await envProvider(ctx);
  return [...(env ? [env] : []), ...rows.map((r) => fromRow(ctx.config, r))];
}

export async function activeProvider(ctx: AppContext, id: string): Promise<Provider | undefined> {
  if (id === ENV_PROVIDER_ID) return envProvider(ctx);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await identityProviderRepository.byId(ctx.db, id);
  return row?.active ? fromRow(ctx.config, row) : undefined;
}

/** An http:// issuer only outside production (local providers and tests). */
export function issuerAllowed(config: Config, issuer: string): boolean {
  return issuer.startsWith('https://') || (!config.production && issuer.startsWith('http://'));
}

/** After a master-key rotation: every provider's client secret sealed under the current master key. */
export async function resealClientSecrets(db: Db, config: Config): Promise<number> {
  let resealed = 0;
  for (const row of await identityProviderRepository.list(db)) {
    if (!row.clientSecretSealed || isSealedUnder(config.documentMasterKey, row.clientSecretSealed)) continue;
    const plain = openText(config, SECRET_PURPOSE, secretAad(row.id), row.clientSecretSealed);
    await identityProviderRepository.update(db, row.id, { clientSecretSealed: sealClientSecret(config, row.id, plain) });
    resealed++;
  }
  return resealed;
}
