import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import { localized, useLanguage } from '../../../localized';
import { useCalendar } from './CalendarContext';
import { interpretingChoices } from './languages';
import { useInterpreters, useServices } from './queries';

export type ServiceChoice = { servicePointId?: string; agencyId?: string; serviceId?: string; interpretingLanguage?: string };

type Props = {
  value: ServiceChoice;
  onChange(value: ServiceChoice): void;
  /** An agency's own booker books only for the agency: no agency choice. */
  fixedAgency?: boolean;
  /** Offered when the user may book at several points (agency staff); advisors book at their own. */
  points?: ServicePointView[];
  /** Only these agencies (a walk-in today: those whose agreement delegates bookings to the point today). */
  agencyIds?: readonly string[];
};

const NONE = 'none';

/** What is being booked: (point,) agency, service and an optional interpreting language. */
export function ServiceChooser({ value, onChange, fixedAgency, points, agencyIds }: Props) {
  const { t } = useTranslation('calendar');
  const { lang, locale } = useLanguage();
  const all = useCalendar().agencies;
  const agencies = agencyIds ? all.filter((a) => agencyIds.includes(a.id)) : all;
  const services = useServices(value.agencyId);
  const interpreters = useInterpreters();
  const service = services.data?.find((s) => s.id === value.serviceId);
  const languages = interpretingChoices(
    t,
    (interpreters.data ?? []).filter((i) => i.active).flatMap((i) => i.languages),
    locale,
  );
  return (
    <div className="cal-chooser">
      {points && points.length > 0 && (
        <Dropdown
          fullWidth
          labelText={t('create.point')}
          visualPlaceholder={t('create.choose')}
          value={value.servicePointId ?? null}
          onChange={(servicePointId) => onChange({ ...value, servicePointId })}
        >
          {points.map((p) => (
            <DropdownItem key={p.id} value={p.id}>
              {localized(p.name, lang)}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      {!fixedAgency && agencies.length > 0 && (
        <Dropdown
          fullWidth
          labelText={t('create.agency')}
          visualPlaceholder={t('create.choose')}
          value={value.agencyId ?? null}
          onChange={(agencyId) => onChange({ ...value, agencyId, serviceId: undefined, interpretingLanguage: undefined })}
        >
          {agencies.map((a) => (
            <DropdownItem key={a.id} value={a.id}>
              {localized(a.name, lang)}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      {/* suomifi's Dropdown needs at least one item: shown once the agency's services are known. */}
      {value.agencyId && services.data && services.data.length > 0 && (
        <Dropdown
          fullWidth
          labelText={t('create.service')}
          visualPlaceholder={t('create.choose')}
          value={value.serviceId ?? null}
          onChange={(serviceId) => {
            const next = services.data?.find((s) => s.id === serviceId);
            onChange({ ...value, serviceId, interpretingLanguage: next?.interpretingPossible ? value.interpretingLanguage : undefined });
          }}
        >
          {(services.data ?? []).map((s) => (
            <DropdownItem key={s.id} value={s.id}>
              {`${localized(s.name, lang)} (${t('create.minutes', { minutes: s.durationMinutes })})`}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      {service?.interpretingPossible && (
        <Dropdown
          fullWidth
          labelText={t('interpreting.label')}
          value={value.interpretingLanguage ?? NONE}
          onChange={(code) => onChange({ ...value, interpretingLanguage: code === NONE ? undefined : code })}
        >
          {[
            <DropdownItem key={NONE} value={NONE}>
              {t('interpreting.none')}
            </DropdownItem>,
            ...languages.map((l) => (
              <DropdownItem key={l.code} value={l.code}>
                {l.name}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      )}
    </div>
  );
}
