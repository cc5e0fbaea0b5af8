import type { IdentityProviderInput } from '../../../shared/identity-providers.js';
import { issuerAllowed } from '../../auth/oidc/providers.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../http/problem.js';
import { directoryRepository } from '../directory/repository.js';

/** Rules the schema cannot see: https outside development, existing organisations, creation into one organisation. */
export async function checkProviderInput(db: Db, config: Config, input: Partial<IdentityProviderInput>, merged: Pick<IdentityProviderInput, 'organisationIds' | 'allowCreate'>) {
  if (input.issuer !== undefined && !issuerAllowed(config, input.issuer)) {
    throw invalid('identity_provider.issuer_https', 'The issuer must use https', [{ path: 'issuer', message: 'https required', code: 'identity_provider.issuer_https' }]);
  }
  if (input.organisationIds) {
    for (const id of input.organisationIds) {
      if (!(await directoryRepository.organisationById(db, id))) throw invalid('identity_provider.organisation', 'No such organisation');
    }
  }
  if (merged.allowCreate && merged.organisationIds.length !== 1) {
    throw invalid('identity_provider.create_needs_one_organisation', 'New accounts need exactly one organisation to be created in');
  }
}
