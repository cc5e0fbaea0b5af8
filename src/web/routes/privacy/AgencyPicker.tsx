import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { useUser } from '../../auth';
import { localized, useLanguage } from '../../localized';
import { useOrganisations } from '../../queries';

/** The agencies in which the user holds one of the roles, and the one chosen (the first unless they pick another). */
export function useAgencyChoice(roles: readonly Role[]) {
  const me = useUser();
  const agencyIds = [...new Set(me.roles.filter((r) => roles.includes(r.role)).map((r) => r.organisationId))];
  const [chosen, setChosen] = useState<string>();
  return { agencyIds, agencyId: chosen && agencyIds.includes(chosen) ? chosen : agencyIds[0], choose: setChosen };
}

/** A choice between the user's agencies, shown only when there is more than one. */
export function AgencyPicker({ agencyIds, agencyId, choose }: ReturnType<typeof useAgencyChoice>) {
  const { t } = useTranslation('privacy');
  const { lang } = useLanguage();
  const organisations = useOrganisations().data ?? [];
  if (agencyIds.length < 2) return null;
  return (
    <div className="privacy-field">
      <label htmlFor="privacy-agency">{t('agency')}</label>
      <select id="privacy-agency" value={agencyId} onChange={(e) => choose(e.target.value)}>
        {agencyIds.map((id) => (
          <option key={id} value={id}>
            {localized(organisations.find((o) => o.id === id)?.name ?? { fi: id, sv: id, en: id }, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
