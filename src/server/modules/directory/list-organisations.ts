import type { OrganisationView } from '../../../shared/directory.js';
import type { AppContext } from '../../context.js';
import { presentOrganisation } from './present.js';
import { directoryRepository } from './repository.js';

export async function listOrganisations(ctx: AppContext, kind?: OrganisationView['kind']): Promise<OrganisationView[]> {
  const rows = await directoryRepository.listOrganisations(ctx.db, kind);
  return rows.map(presentOrganisation);
}
