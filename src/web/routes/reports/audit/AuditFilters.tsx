import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import type { AuditFilterOptions } from '../../../../shared/audit';
import { get } from '../../../api';
import { useLanguage } from '../../../localized';
import { DayInput, emptyDay } from './DayInput';
import { auditName } from './names';
import { dayBoundary } from './zonedDay';

export type AuditFilter = { person?: string; organisation?: string; object?: string; group?: string; from?: string; to?: string };

type Choice = { id: string; label: string };
const ANY = 'any';

/**
 * Person, organisation, object (a booking or handover reference), action group and a period of Helsinki days;
 * applied on submit, so each search is one audited read, not one per keystroke.
 */
export function AuditFilters({ onApply }: { onApply(filter: AuditFilter): void }) {
  const { t } = useTranslation('reports');
  const { lang } = useLanguage();
  const options = useQuery({ queryKey: ['audit-filter-options'], queryFn: () => get<AuditFilterOptions>('/api/audit-events/filters'), staleTime: Infinity, refetchOnWindowFocus: false });
  const [person, setPerson] = useState(ANY);
  const [organisation, setOrganisation] = useState(ANY);
  const [object, setObject] = useState('');
  const [group, setGroup] = useState(ANY);
  const [from, setFrom] = useState(emptyDay);
  const [to, setTo] = useState(emptyDay);

  const people: Choice[] = (options.data?.people ?? []).map((p) => ({
    id: p.id,
    label: p.organisationName ? `${p.name} (${auditName(p.organisationName, lang)})` : p.name,
  }));
  const organisations: Choice[] = (options.data?.organisations ?? []).map((o) => ({ id: o.id, label: auditName(o.name, lang) }));
  // A Dropdown, not suomifi's SingleSelect: the latter points aria-controls at a list that is not there while closed.
  const select = (label: string, any: string, items: Choice[], value: string, set: (id: string) => void, hint?: string) => (
    <Dropdown labelText={label} hintText={hint} value={value} onChange={set} className="audit-filter-select">
      {[{ id: ANY, label: any }, ...items].map((c) => (
        <DropdownItem key={c.id} value={c.id}>
          {c.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );

  return (
    <form
      className="audit-filters"
      aria-label={t('audit.filters')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (from.invalid || to.invalid) return;
        onApply({
          person: person === ANY ? undefined : person,
          organisation: organisation === ANY ? undefined : organisation,
          object: object.trim() || undefined,
          group: group === ANY ? undefined : group,
          from: from.ymd ? dayBoundary(from.ymd, 'start') : undefined,
          to: to.ymd ? dayBoundary(to.ymd, 'end') : undefined,
        });
      }}
    >
      {select(t('audit.person'), t('audit.anyone'), people, person, setPerson, t('audit.personHint'))}
      {select(t('audit.organisation'), t('audit.anyone'), organisations, organisation, setOrganisation)}
      <TextInput labelText={t('audit.object')} hintText={t('audit.objectHint')} value={object} onChange={(v) => setObject(String(v ?? ''))} maxLength={80} />
      {select(
        t('audit.group'),
        t('audit.allGroups'),
        (options.data?.groups ?? []).map((g) => ({ id: g, label: t(`audit.groups.${g}`, { defaultValue: g }) })),
        group,
        setGroup,
      )}
      <DayInput label={t('audit.from')} field={from} onChange={setFrom} />
      <DayInput label={t('audit.to')} field={to} onChange={setTo} />
      <div className="audit-filters-actions">
        <Button type="submit">{t('audit.search')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setPerson(ANY);
            setOrganisation(ANY);
            setObject('');
            setGroup(ANY);
            setFrom(emptyDay);
            setTo(emptyDay);
            onApply({});
          }}
        >
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}
