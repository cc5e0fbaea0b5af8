import type { IdentityProviderInput, IdentityProviderView } from '../../../shared/identity-providers.js';
import type { Actor } from '../../auth/actor.js';
import { sealClientSecret } from '../../auth/oidc/providers.js';
import { identityProviderRepository } from '../../auth/oidc/repository.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { checkProviderInput } from './check-input.js';
import { presentIdentityProvider } from './present.js';

export async function updateIdentityProvider(ctx: AppContext, actor: Actor, id: string, patch: Partial<IdentityProviderInput>, ip: string): Promise<IdentityProviderView> {
  return ctx.db.transaction(async (tx) => {
    const before = await identityProviderRepository.byId(tx, id);
    if (!before) throw notFound('Identity provider');
    await checkProviderInput(tx, ctx.config, patch, {
      organisationIds: patch.organisationIds ?? before.organisationIds,
      allowCreate: patch.allowCreate ?? before.allowCreate,
    });
    const { clientSecret, ...fields } = patch;
    const row = await identityProviderRepository.update(tx, id, {
      ...fields,
      ...(clientSecret ? { clientSecretSealed: sealClientSecret(ctx.config, id, clientSecret) } : {}),
    });
    await recordAudit(tx, actor, { action: 'identity_provider.updated', targetType: 'identity_provider', targetId: id, details: { fields: Object.keys(patch) } }, ip);
    return presentIdentityProvider(ctx.config, row!);
  });
}
