import type { CostClaimView, ReimbursementReport } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { agreementRepository } from '../agreements/repository.js';
import { newest } from '../agreements/terms.js';
import { CAPPED, capOf, pointsOf, validityOf, versionFor } from './caps.js';
import { claimsRepository } from './claims-repository.js';
import { monthOf } from './days.js';
import { agreementFor } from './load-agreement.js';
import { presentClaims } from './present-claim.js';
import { tally } from './present.js';
import { timeRepository } from './repository.js';

export type ReportLanguage = 'fi' | 'sv';

/** The invoice reference: the agreement and the period, so the same report always carries the same reference. */
export const invoiceReference = (agreementId: string, from: string, to: string) =>
  `ETP-${agreementId.slice(0, 8).toUpperCase()}-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}`;

const sum = (claims: CostClaimView[]) => claims.reduce((s, c) => s + c.amountCents, 0);

/**
 * The reimbursement report of an agreement for a period (§8, §12): all time recorded at its points on days it was
 * valid and named them, by task and agency, and how much of it is in approved months; labour = Σ minutes × the
 * hourly rate applying on each entry's day / 60, rounded to the cent once; the period's claims (rejected ones listed,
 * not counted; premises works shown apart, not the city's); caps over the agreement's whole validity.
 */
export async function buildReport(ctx: AppContext, actor: UserActor, q: { agreementId: string; from: string; to: string }, lang: ReportLanguage = 'fi'): Promise<ReimbursementReport> {
  const agreement = await agreementFor(ctx.db, actor, q.agreementId, 'reimbursement:read');
  const validity = validityOf(agreement);
  const from = q.from < validity.from ? validity.from : q.from;
  const to = validity.to !== null && q.to > validity.to ? validity.to : q.to;
  const points = pointsOf(agreement);
  const entries =
    from <= to
      ? (await timeRepository.list(ctx.db, { from, to, scope: { all: true }, servicePointIds: points })).filter((e) => versionFor(agreement, e.date).servicePointIds.includes(e.servicePointId))
      : [];
  const months = await timeRepository.months(ctx.db, points, [...new Set(entries.map((e) => monthOf(e.date)))]);
  const approved = new Set(months.filter((m) => m.status === 'approved').map((m) => `${m.servicePointId}:${m.month}`));

  const minutesByTask: Record<string, number> = {};
  const minutesByAgency: Record<string, number> = {};
  let totalMinutes = 0;
  let approvedMinutes = 0;
  // Minutes × rate in cent-minutes, summed exactly, divided and rounded once.
  let labour = 0;
  let approvedLabour = 0;
  for (const e of entries) {
    const rate = versionFor(agreement, e.date).hourlyRateCents;
    const isApproved = approved.has(`${e.servicePointId}:${monthOf(e.date)}`);
    totalMinutes += e.minutes;
    labour += e.minutes * rate;
    if (isApproved) {
      approvedMinutes += e.minutes;
      approvedLabour += e.minutes * rate;
    }
    tally(minutesByTask, e.task, e.minutes);
    tally(minutesByAgency, e.agencyId ?? 'none', e.minutes);
  }

  const allClaims = await presentClaims(ctx.db, await claimsRepository.list(ctx.db, [agreement.id]));
  const claims = allClaims.filter((c) => c.date >= q.from && c.date <= q.to);
  const counted = claims.filter((c) => c.claimable && c.status !== 'rejected');
  const claimsByCategory: Record<string, number> = {};
  for (const c of counted) tally(claimsByCategory, c.category, c.amountCents);
  const capsVersion = versionFor(agreement, to < validity.from ? validity.from : to);
  const caps = Object.keys(CAPPED).map((category) => {
    const cat = category as keyof typeof CAPPED;
    const capCents = capOf(capsVersion, cat) ?? 0;
    const usedCents = sum(allClaims.filter((c) => c.category === cat && c.status !== 'rejected'));
    return { category: cat, capCents, usedCents, leftCents: Math.max(0, capCents - usedCents) };
  });

  const v = newest(agreement);
  const orgIds = [v.contractorId, v.payerId, ...v.principals.map((p) => p.organisationId), ...Object.keys(minutesByAgency).filter((k) => k !== 'none')];
  const orgs = await agreementRepository.organisationKinds(ctx.db, [...new Set(orgIds)]);
  const name = (id: string) => orgs.get(id)?.name[lang] ?? id;
  const labourCents = Math.round(labour / 60);
  const approvedLabourCents = Math.round(approvedLabour / 60);
  const claimsCents = sum(counted);
  const approvedClaimsCents = sum(counted.filter((c) => c.status === 'approved'));
  return {
    agreementId: agreement.id,
    agreementTitle: v.title,
    contractor: name(v.contractorId),
    payer: name(v.payerId),
    principals: v.principals.map((p) => name(p.organisationId)),
    from: q.from,
    to: q.to,
    hourlyRateCents: versionFor(agreement, to < validity.from ? validity.from : to).hourlyRateCents,
    totalMinutes,
    approvedMinutes,
    minutesByTask,
    minutesByAgency,
    agencyNames: Object.fromEntries(Object.keys(minutesByAgency).map((k) => [k, k === 'none' ? '' : name(k)])),
    labourCents,
    approvedLabourCents,
    claims,
    claimsCents,
    approvedClaimsCents,
    pendingClaimsCents: claimsCents - approvedClaimsCents,
    claimsByCategory,
    totalCents: labourCents + claimsCents,
    approvedTotalCents: approvedLabourCents + approvedClaimsCents,
    caps,
    premisesWorksCents: sum(claims.filter((c) => !c.claimable && c.status !== 'rejected')),
    invoiceBasis: { period: { from: q.from, to: q.to }, reference: invoiceReference(agreement.id, q.from, q.to) },
  };
}
