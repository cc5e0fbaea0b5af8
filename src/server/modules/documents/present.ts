import type { AgencyTokenView, HandoverView, PageView } from '../../../shared/documents.js';
import type { Language } from '../../../shared/common.js';
import type { TokenRow } from './key-repository.js';
import type { HandoverRow, PageMeta } from './repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentPage(p: PageMeta): PageView {
  return {
    id: p.id,
    position: p.position,
    mediaType: p.mediaType as PageView['mediaType'],
    pageCount: p.pageCount,
    byteSize: p.byteSize,
    source: p.source,
    createdAt: p.createdAt.toISOString(),
  };
}

/**
 * Metadata for everyone allowed to see the handover exists; `details` (customer, cover note, the pages) only for
 * those who may read it: the advisor while it is a draft, the agency once it is sent.
 */
export function presentHandover(h: HandoverRow, details?: { customerName: string | null; pages?: PageMeta[] }): HandoverView {
  return {
    id: h.id,
    reference: h.reference,
    status: h.status,
    source: h.source,
    agencyId: h.agencyId,
    servicePointId: h.servicePointId,
    roomId: h.roomId,
    bookingId: h.bookingId,
    kind: h.kind,
    language: h.language as Language,
    pageCount: h.pageCount,
    fileCount: h.fileCount,
    registeredBy: h.registeredBy,
    createdAt: h.createdAt.toISOString(),
    sentAt: iso(h.sentAt),
    acknowledgedAt: iso(h.acknowledgedAt),
    purgeAt: h.purgeAt.toISOString(),
    purgedAt: iso(h.purgedAt),
    purgeReason: h.purgeReason,
    ...(details
      ? { customerName: details.customerName, coverNote: h.coverNote, ...(details.pages ? { pages: details.pages.map(presentPage) } : {}) }
      : {}),
  };
}

/** Never exposes the token hash. */
export function presentToken(t: TokenRow): AgencyTokenView {
  return {
    id: t.id,
    agencyId: t.agencyId,
    name: t.name,
    scopes: t.scopes as AgencyTokenView['scopes'],
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}
