import type { CostClaimView } from '../../../shared/time-reports.js';
import type { Db } from '../../db/client.js';
import type { CostClaimMeta } from './claims-repository.js';
import { timeRepository } from './repository.js';

export async function presentClaims(db: Db, rows: CostClaimMeta[]): Promise<CostClaimView[]> {
  const names = await timeRepository.userNames(db, rows.flatMap((r) => [r.createdBy, r.decidedBy]).filter((v): v is string => !!v));
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreementId,
    category: r.category,
    amountCents: r.amountCents,
    date: r.date,
    description: r.description,
    status: r.status,
    claimable: r.category !== 'premises-works',
    receipt: r.receiptMediaType ? { mediaType: r.receiptMediaType, sizeBytes: r.receiptSizeBytes ?? 0 } : null,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
    comment: r.comment,
  }));
}
