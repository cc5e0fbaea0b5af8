import type { OrganisationView } from '../../../../shared/directory';
import { useUser } from '../../../auth';
import { useOrganisations } from '../common/useDirectory';
import { isMainAdmin } from '../users/roleDraft';

/**
 * The principal agencies whose services and experts' hours the user manages: every principal for the main
 * admin, the own agency (or agencies) for an agency admin. The server decides the same in its policy.
 */
export function useManagedAgencies(): { agencies: OrganisationView[]; all: boolean; pending: boolean } {
  const me = useUser();
  const orgs = useOrganisations();
  const all = isMainAdmin(me);
  const own = new Set(me.roles.filter((r) => r.role === 'agency-admin').map((r) => r.organisationId));
  const agencies = (orgs.data ?? []).filter((o) => o.kind === 'principal' && (all || own.has(o.id)));
  return { agencies, all, pending: orgs.isPending };
}
