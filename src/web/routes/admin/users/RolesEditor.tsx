import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, StatusText } from 'suomifi-ui-components';
import type { OrganisationView, ServicePointView } from '../../../../shared/directory';
import { type Role, SERVICE_POINT_ROLES } from '../../../../shared/roles';
import { localized } from '../common/format';
import type { RoleDraft } from './roleDraft';

type Props = {
  value: RoleDraft[];
  onChange(value: RoleDraft[]): void;
  grantable: readonly Role[];
  servicePoints: ServicePointView[];
  /** The account's organisation: an advisor works at one of its points; main-admin only in the main-admin organisation. */
  organisation?: OrganisationView;
};

const same = (a: RoleDraft, b: RoleDraft) => a.role === b.role && (a.servicePointId ?? '') === (b.servicePointId ?? '');

/** The account's roles as a list with remove buttons, and a row to add one (an advisor's role names its point). */
export function RolesEditor({ value, onChange, grantable, servicePoints, organisation }: Props) {
  const { t, i18n } = useTranslation('admin');
  const [role, setRole] = useState<Role | ''>('');
  const [pointId, setPointId] = useState('');
  const [problem, setProblem] = useState('');
  const needsPoint = role !== '' && SERVICE_POINT_ROLES.includes(role);
  const roles = grantable.filter((r) => r !== 'main-admin' || !organisation || organisation.isMainAdmin);
  const points = organisation ? servicePoints.filter((p) => p.organisationId === organisation.id) : servicePoints;
  const pointName = (id?: string) => localized(servicePoints.find((p) => p.id === id)?.name, i18n.language);
  const label = (d: RoleDraft) => (d.servicePointId ? `${t(`roles.${d.role}`)} (${pointName(d.servicePointId)})` : t(`roles.${d.role}`));

  const add = () => {
    if (!role) return setProblem(t('roleEditor.chooseRole'));
    if (needsPoint && !pointId) return setProblem(t('roleEditor.choosePoint'));
    const draft: RoleDraft = needsPoint ? { role, servicePointId: pointId } : { role };
    if (value.some((d) => same(d, draft))) return setProblem(t('roleEditor.duplicate'));
    onChange([...value, draft]);
    setProblem('');
    setRole('');
    setPointId('');
  };

  return (
    <fieldset className="admin-fieldset">
      <legend>{t('roleEditor.legend')}</legend>
      {value.length === 0 ? (
        <p>{t('roleEditor.none')}</p>
      ) : (
        <ul className="admin-roles">
          {value.map((d) => (
            <li key={`${d.role}-${d.servicePointId ?? ''}`}>
              <span>{label(d)}</span>
              <Button variant="secondaryNoBorder" onClick={() => onChange(value.filter((x) => !same(x, d)))}>
                {t('roleEditor.remove', { role: label(d) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="admin-toolbar">
        <Dropdown labelText={t('roleEditor.role')} visualPlaceholder={t('roleEditor.chooseRole')} value={role || null} onChange={(v) => setRole(v as Role)}>
          {roles.map((r) => (
            <DropdownItem key={r} value={r}>
              {t(`roles.${r}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        {needsPoint && (
          <Dropdown labelText={t('roleEditor.servicePoint')} visualPlaceholder={t('roleEditor.choosePoint')} value={pointId || null} onChange={setPointId}>
            {points.map((p) => (
              <DropdownItem key={p.id} value={p.id}>
                {localized(p.name, i18n.language)}
              </DropdownItem>
            ))}
          </Dropdown>
        )}
        <Button variant="secondary" onClick={add}>
          {t('roleEditor.add')}
        </Button>
      </div>
      <StatusText status="error" ariaLiveMode="assertive">
        {problem}
      </StatusText>
    </fieldset>
  );
}
