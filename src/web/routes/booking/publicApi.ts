import type {
  PublicBookingCreated,
  PublicBookingRequest,
  PublicBookingView,
  PublicServicePointView,
  PublicServiceView,
} from '../../../shared/public-booking';
import { api } from '../../api';

/** The public booking API (docs/public-booking.md): no cookie goes along, none is needed. */
const call = <T>(method: string, url: string, body?: unknown) => api<T>(method, url, body, {}, 'omit');
const token = (t: string) => `/api/public/bookings/${encodeURIComponent(t)}`;

export type Slot = { start: string; end: string };
export type AvailabilityAsk = { servicePointId: string; agencyId: string; serviceId: string; from: string; to: string; interpretingLanguage?: string };

export const publicApi = {
  servicePoints: () => call<PublicServicePointView[]>('GET', '/api/public/service-points'),
  services: (servicePointId: string) => call<PublicServiceView[]>('GET', `/api/public/services?servicePointId=${encodeURIComponent(servicePointId)}`),
  availability: (q: AvailabilityAsk) =>
    call<{ slots: Slot[] }>('GET', `/api/public/availability?${new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][])}`),
  book: (body: PublicBookingRequest) => call<PublicBookingCreated>('POST', '/api/public/bookings', body),
  view: (t: string) => call<PublicBookingView>('GET', token(t)),
  move: (t: string, start: string) => call<PublicBookingView>('PATCH', token(t), { start }),
  cancel: (t: string) => call<PublicBookingView>('DELETE', token(t)),
};
