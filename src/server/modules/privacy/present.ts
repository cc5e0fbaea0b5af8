import type { PersonRecords } from '../../../shared/privacy.js';
import type { LocalizedText } from '../../db/schema/directory.js';
import type { bookings, customerMessages, documentHandovers, identityChecks, walkIns } from '../../db/schema/index.js';

type Named = { service: LocalizedText; servicePoint: LocalizedText };
export type PersonRows = {
  bookings: ({ b: typeof bookings.$inferSelect } & Named)[];
  walkIns: ({ w: typeof walkIns.$inferSelect } & Named)[];
  documents: (typeof documentHandovers.$inferSelect)[];
  checks: (typeof identityChecks.$inferSelect)[];
  messages: (typeof customerMessages.$inferSelect)[];
};

const iso = (d: Date) => d.toISOString();
const opt = <T>(v: T | null | undefined) => v ?? undefined;

/** The person's records as the agency admin sees and exports them: everything stored about them, no staff data. */
export function presentPersonRecords(agencyId: string, rows: PersonRows): PersonRecords {
  return {
    agencyId,
    bookings: rows.bookings.map(({ b, service, servicePoint }) => ({
      id: b.id,
      reference: b.reference,
      start: iso(b.startsAt),
      end: iso(b.endsAt),
      status: b.status,
      channel: b.channel,
      language: b.language,
      service,
      servicePoint,
      customer: { name: b.customerName ?? '', phone: opt(b.customerPhone), email: opt(b.customerEmail) },
      note: opt(b.note),
      cancelReason: opt(b.cancelReason),
      createdAt: iso(b.createdAt),
      identityChecks: rows.checks
        .filter((c) => c.bookingId === b.id)
        .map((c) => ({ requestedAt: iso(c.requestedAt), status: c.status, verified: opt(c.verified), documentType: opt(c.documentType) })),
      messages: rows.messages
        .filter((m) => m.bookingId === b.id)
        .map((m) => ({ kind: m.kind, channel: m.channel, status: m.status, sentAt: m.sentAt ? iso(m.sentAt) : undefined })),
    })),
    walkIns: rows.walkIns.map(({ w, service, servicePoint }) => ({
      id: w.id,
      customerName: w.customerName ?? '',
      status: w.status,
      language: w.language,
      service,
      servicePoint,
      createdAt: iso(w.createdAt),
      bookingId: opt(w.bookingId),
    })),
    documents: rows.documents.map((d) => ({
      id: d.id,
      reference: d.reference,
      kind: d.kind,
      status: d.status,
      createdAt: iso(d.createdAt),
      bookingId: opt(d.bookingId),
      customerName: opt(d.customerName),
      coverNote: opt(d.coverNote),
      pageCount: d.pageCount,
    })),
  };
}
