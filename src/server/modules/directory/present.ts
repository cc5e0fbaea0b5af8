import type { OpeningHoursEntry, OrganisationView, RoomView, ServicePointView, TerminalView } from '../../../shared/directory.js';
import type { OpeningHoursRow, OrganisationRow, RoomRow, ServicePointRow } from './repository.js';

export function presentOrganisation(o: OrganisationRow): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    shortName: o.shortName,
    ...(o.businessId ? { businessId: o.businessId } : {}),
    isMainAdmin: o.isMainAdmin,
  };
}

/** The `time` column reads back as 'HH:MM:SS'; the API speaks 'HH:MM'. */
const hhmm = (t: string) => t.slice(0, 5);

export function presentOpeningHours(h: OpeningHoursRow): OpeningHoursEntry {
  return { weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) };
}

/** `terminals` undefined means the viewer may not see devices: the key is left out. */
export function presentRoom(r: RoomRow, terminals?: TerminalView[]): RoomView {
  return { id: r.id, servicePointId: r.servicePointId, name: r.name, active: r.active, ...(terminals ? { terminals } : {}) };
}

export function presentServicePoint(p: ServicePointRow, hours: OpeningHoursRow[], rooms: RoomView[]): ServicePointView {
  return {
    id: p.id,
    organisationId: p.organisationId,
    name: p.name,
    streetAddress: p.streetAddress,
    postalCode: p.postalCode,
    city: p.city,
    phone: p.phone,
    timeZone: p.timeZone,
    active: p.active,
    openingHours: hours.map(presentOpeningHours),
    rooms,
  };
}
