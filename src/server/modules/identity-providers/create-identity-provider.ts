import { randomUUID } from 'node:crypto';
import type { IdentityProviderInput, IdentityProviderView } from '../../../shared/identity-providers.js';
import type { Actor } from '../../auth/actor.js';
import { sealClientSecret } from '../../auth/oidc/providers.js';
import { identityProviderRepository } from '../../auth/oidc/repository.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { checkProviderInput } from './check-input.js';
import { presentIdentityProvider } from './present.js';

export async function createIdentityProvider(ctx: AppContext, actor: Actor, input: IdentityProviderInput, ip: string): Promise<IdentityProviderView> {
  await checkProviderInput(ctx.db, ctx.config, input, input);
  const id = randomUUID();
  const { clientSecret, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await identityProviderRepository.create(tx, {
      id,
      ...fields,
      clientSecretSealed: clientSecret ? sealClientSecret(ctx.config, id, clientSecret) : null,
    });
    await recordAudit(tx, actor, { action: 'identity_provider.created', targetType: 'identity_provider', targetId: id }, ip);
    return presentIdentityProvider(ctx.config, row);
  });
}
