import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { OrganisationView } from '../../../../shared/directory';
import { localized } from '../common/format';

export const ALL_AGENCIES = 'all';

type Props = { label: string; agencies: OrganisationView[]; value: string | undefined; onChange(agencyId: string): void; allowAll?: boolean; error?: string };

/** Which agency's services or experts to show; the "all" choice only where a list of all agencies makes sense. */
export function AgencyPicker({ label, agencies, value, onChange, allowAll, error }: Props) {
  const { t, i18n } = useTranslation('scheduling');
  return (
    <Dropdown
      labelText={label}
      value={value ?? (allowAll ? ALL_AGENCIES : null)}
      visualPlaceholder={t('agency.choose')}
      onChange={onChange}
      status={error ? 'error' : 'default'}
      statusText={error}
    >
      {[
        ...(allowAll
          ? [
              <DropdownItem key={ALL_AGENCIES} value={ALL_AGENCIES}>
                {t('agency.all')}
              </DropdownItem>,
            ]
          : []),
        ...agencies.map((o) => (
          <DropdownItem key={o.id} value={o.id}>
            {localized(o.name, i18n.language)}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );
}
