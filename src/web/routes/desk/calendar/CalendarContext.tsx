import { type ReactNode, createContext, useContext, useMemo } from 'react';
import type { OrganisationView } from '../../../../shared/directory';
import type { ServiceView } from '../../../../shared/scheduling';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';
import { useAllServices } from './queries';
import type { Ymd } from './time';

/** Six colour pairs (strong edge, light fill), each with dark text well above 4.5:1; the agency name is always shown too. */
export const AGENCY_COLOURS = 6;

export type CalendarScope = {
  timeZone: string;
  /** Where a booking opens: the desk's side panel or the expert's detail page. */
  bookingHref(id: string, day?: Ymd): string;
  /** May this user check customers in and mark them absent (advisors, experts; not bookers). */
  canChangeStatus(agencyId: string): boolean;
};

type CalendarValue = CalendarScope & {
  agencies: OrganisationView[];
  colourOf(agencyId: string): number;
  agencyName(agencyId: string): string;
  agencyShort(agencyId: string): string;
  service(serviceId: string): ServiceView | undefined;
  serviceName(serviceId: string): string;
};

const Ctx = createContext<CalendarValue | undefined>(undefined);

/** The lookups every calendar component needs: agencies (names, colours), services, the point's zone, links. */
export function CalendarProvider({ scope, children }: { scope: CalendarScope; children: ReactNode }) {
  const { lang } = useLanguage();
  const organisations = useOrganisations();
  const services = useAllServices();
  const value = useMemo<CalendarValue>(() => {
    const agencies = (organisations.data ?? []).filter((o) => o.kind === 'principal').sort((a, b) => a.shortName.fi.localeCompare(b.shortName.fi));
    const byId = new Map(agencies.map((a, i) => [a.id, { a, i }]));
    const servicesById = new Map((services.data ?? []).map((s) => [s.id, s]));
    return {
      ...scope,
      agencies,
      colourOf: (id) => (byId.get(id)?.i ?? 0) % AGENCY_COLOURS,
      agencyName: (id) => {
        const a = byId.get(id)?.a;
        return a ? localized(a.name, lang) : '';
      },
      agencyShort: (id) => {
        const a = byId.get(id)?.a;
        return a ? localized(a.shortName, lang) : '';
      },
      service: (id) => servicesById.get(id),
      serviceName: (id) => {
        const s = servicesById.get(id);
        return s ? localized(s.name, lang) : '';
      },
    };
  }, [organisations.data, services.data, scope, lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCalendar(): CalendarValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useCalendar outside CalendarProvider');
  return value;
}
