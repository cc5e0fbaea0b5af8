import type { ReimbursementReport } from '../../../shared/time-reports.js';
import { csvDocument } from '../../http/download.js';
import type { ReportLanguage } from './build-report.js';
import { labelsFor } from './report-labels.js';

/**
 * The report as CSV, one figure per row: `section,key,label,status,date,minutes,cents`. Money in cents and time in
 * minutes, exactly the JSON's figures, so a spreadsheet can sum them without rounding.
 */
export function reportCsv(r: ReimbursementReport, lang: ReportLanguage): string {
  const l = labelsFor(lang);
  const rows: (string | number)[][] = [['section', 'key', 'label', 'status', 'date', 'minutes', 'cents']];
  rows.push(['agreement', r.agreementId, r.agreementTitle, '', '', '', '']);
  rows.push(['contractor', '', r.contractor, '', '', '', ''], ['payer', '', r.payer, '', '', '', '']);
  for (const p of r.principals) rows.push(['principal', '', p, '', '', '', '']);
  rows.push(['period', r.invoiceBasis.reference, l.period, '', `${r.from}/${r.to}`, '', '']);
  rows.push(['rate', 'hourlyRateCents', l.rate, '', '', '', r.hourlyRateCents]);
  for (const [task, m] of Object.entries(r.minutesByTask)) rows.push(['task', task, l.tasks[task as keyof typeof l.tasks] ?? task, '', '', m, '']);
  for (const [agency, m] of Object.entries(r.minutesByAgency)) rows.push(['agency', agency, agency === 'none' ? l.none : (r.agencyNames[agency] ?? agency), '', '', m, '']);
  rows.push(['time', 'totalMinutes', l.totalTime, '', '', r.totalMinutes, r.labourCents]);
  rows.push(['time', 'approvedMinutes', l.approvedTime, 'approved', '', r.approvedMinutes, r.approvedLabourCents]);
  for (const c of r.claims) rows.push(['claim', c.category, c.description, c.status, c.date, '', c.amountCents]);
  for (const [category, cents] of Object.entries(r.claimsByCategory)) rows.push(['claims', category, l.categories[category as keyof typeof l.categories] ?? category, '', '', '', cents]);
  rows.push(['claims', 'claimsCents', l.claimsTotal, '', '', '', r.claimsCents]);
  rows.push(['claims', 'approvedClaimsCents', l.approvedClaims, 'approved', '', '', r.approvedClaimsCents]);
  rows.push(['claims', 'pendingClaimsCents', l.pendingClaims, 'pending', '', '', r.pendingClaimsCents]);
  for (const c of r.caps) {
    rows.push(['cap', c.category, l.cap, '', '', '', c.capCents], ['cap-used', c.category, l.used, '', '', '', c.usedCents], ['cap-left', c.category, l.left, '', '', '', c.leftCents]);
  }
  rows.push(['works', 'premisesWorksCents', l.works, '', '', '', r.premisesWorksCents]);
  rows.push(['total', 'totalCents', l.total, '', '', r.totalMinutes, r.totalCents]);
  rows.push(['total', 'approvedTotalCents', l.approvedTotal, 'approved', '', r.approvedMinutes, r.approvedTotalCents]);
  return csvDocument(rows);
}
