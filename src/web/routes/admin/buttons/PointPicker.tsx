import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import { localized } from '../common/format';

/** Which service point the page is about; no choice to make when there is only one. */
export function PointPicker({ points, value, onChange }: { points: ServicePointView[]; value: string; onChange(id: string): void }) {
  const { t, i18n } = useTranslation('assistance');
  if (points.length < 2) return null;
  return (
    <div className="admin-toolbar">
      <Dropdown labelText={t('admin.point')} value={value} onChange={(v) => onChange(String(v))}>
        {points.map((p) => (
          <DropdownItem key={p.id} value={p.id}>
            {localized(p.name, i18n.language)}
          </DropdownItem>
        ))}
      </Dropdown>
    </div>
  );
}
