import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { ServiceView } from '../../../shared/scheduling';
import { BOOKING_CHANNELS, MEASURE_GROUPS, type MeasureGroup, STATISTICS_GROUPS, type StatisticsGroupBy } from '../../../shared/statistics';
import { get } from '../../api';
import { useUser } from '../../auth';
import { localized, useLanguage } from '../../localized';
import { useOrganisations, useServicePoints } from '../../queries';
import type { StatisticsParams } from './api';
import { PRESETS, type Preset, presetPeriod } from './periods';

const VM_ROLES = ['main-admin', 'coordinator', 'auditor'];

/** The choices the actor may make: every point and agency for VM, else their agencies and managed points. */
function useChoices() {
  const me = useUser();
  const { lang } = useLanguage();
  const vm = me.roles.some((r) => VM_ROLES.includes(r.role));
  const ownAgencies = me.roles.filter((r) => r.role === 'expert' || r.role === 'agency-admin').map((r) => r.organisationId);
  const managed = me.roles.filter((r) => r.role === 'point-manager' && r.servicePointId).map((r) => r.servicePointId!);
  const points = (useServicePoints().data ?? []).filter((p) => vm || ownAgencies.length > 0 || managed.includes(p.id));
  const agencies = (useOrganisations().data ?? []).filter((o) => o.kind === 'principal' && (vm || managed.length > 0 || ownAgencies.includes(o.id)));
  const services = (useQuery({ queryKey: ['services', 'all'], queryFn: () => get<ServiceView[]>('/api/services?includeInactive=true') }).data ?? []).filter((s) =>
    agencies.some((a) => a.id === s.agencyId),
  );
  const byName = <T extends { name: { fi: string; sv: string; en: string } }>(xs: T[]) => [...xs].sort((a, b) => localized(a.name, lang).localeCompare(localized(b.name, lang), lang));
  return { points: byName(points), agencies: byName(agencies), services: byName(services), scope: vm ? 'all' : ownAgencies.length > 0 ? 'agency' : 'points' };
}
export const useScopeNote = () => useChoices().scope;

type Props = { value: StatisticsParams; onChange: (p: StatisticsParams) => void; measures: MeasureGroup[]; onMeasures: (m: MeasureGroup[]) => void };

/** Period (presets or days), the filters and the grouping; applied with the button. Measure groups apply at once. */
export function Filters({ value, onChange, measures, onMeasures }: Props) {
  const { t } = useTranslation('statistics');
  const { lang } = useLanguage();
  const id = useId();
  const choices = useChoices();
  const [draft, setDraft] = useState(value);
  const [preset, setPreset] = useState<Preset>('pilot');
  const set = (patch: Partial<StatisticsParams>) => setDraft((d) => ({ ...d, ...patch }));
  const choosePreset = (p: Preset) => {
    setPreset(p);
    if (p !== 'custom') set(presetPeriod(p));
  };
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(draft.from) && /^\d{4}-\d{2}-\d{2}$/.test(draft.to) && draft.from <= draft.to;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onChange(draft);
  };
  const select = (key: keyof StatisticsParams, label: string, options: { value: string; label: string }[], allLabel = t('filters.all')) => (
    <div className="agr-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={draft[key] ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="st-filters agr-section" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('filters.heading')}</h2>
      <div className="tr-fields">
        <div className="agr-field st-period">
          <label htmlFor={`${id}-preset`}>{t('filters.period')}</label>
          <select id={`${id}-preset`} value={preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`filters.presets.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
          <input id={`${id}-from`} type="date" value={draft.from} aria-invalid={!valid} onChange={(e) => (setPreset('custom'), set({ from: e.target.value }))} />
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to} aria-invalid={!valid} aria-describedby={valid ? undefined : `${id}-invalid`} onChange={(e) => (setPreset('custom'), set({ to: e.target.value }))} />
          {!valid && (
            <p id={`${id}-invalid`} className="st-invalid">
              {t('filters.invalidDate')}
            </p>
          )}
        </div>
      </div>
      <div className="tr-fields">
        {select('servicePointId', t('filters.servicePoint'), choices.points.map((p) => ({ value: p.id, label: localized(p.name, lang) })))}
        {select('agencyId', t('filters.agency'), choices.agencies.map((a) => ({ value: a.id, label: localized(a.name, lang) })))}
        {select('serviceId', t('filters.service'), choices.services.map((s) => ({ value: s.id, label: localized(s.name, lang) })))}
        {select('channel', t('filters.channel'), BOOKING_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })))}
        {select('language', t('filters.language'), ['fi', 'sv', 'en'].map((l) => ({ value: l, label: t(`languageNames.${l}`) })))}
        {select('interpreting', t('filters.interpreting'), ['true', 'false'].map((v) => ({ value: v, label: t(`filters.interpretingOptions.${v}`) })), t('filters.interpretingOptions.any'))}
        <div className="agr-field">
          <label htmlFor={`${id}-groupBy`}>{t('filters.groupBy')}</label>
          <select id={`${id}-groupBy`} value={draft.groupBy} onChange={(e) => set({ groupBy: e.target.value as StatisticsGroupBy })}>
            {STATISTICS_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`groupBy.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="agr-fieldset st-measures">
        <legend>{t('filters.measures')}</legend>
        <div className="st-measure-list">
          {MEASURE_GROUPS.map((g) => (
            <label key={g} className="agr-check">
              <input type="checkbox" checked={measures.includes(g)} onChange={(e) => onMeasures(e.target.checked ? MEASURE_GROUPS.filter((m) => m === g || measures.includes(m)) : measures.filter((m) => m !== g))} />
              {t(`groups.${g}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="agr-actions">
        <Button type="submit" disabled={!valid}>
          {t('filters.show')}
        </Button>
      </div>
    </form>
  );
}
