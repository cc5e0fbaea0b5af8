import type ExcelJS from 'exceljs';
import type { ReimbursementReport } from '../../../shared/time-reports.js';
import type { ReportLanguage } from './build-report.js';
import { day, labelsFor } from './report-labels.js';

const EUR = '#,##0.00 "€"';

/**
 * The report as a real spreadsheet: figures as numbers (euros, minutes), sums and products as formulas with their
 * computed results stored, so it reads right before and after a recalculation. The labour formula is used when one
 * hourly rate covers the period (otherwise the rounded figure is written: rates changed mid-period).
 */
export async function reportXlsx(r: ReimbursementReport, lang: ReportLanguage): Promise<Buffer> {
  const l = labelsFor(lang);
  // Loaded on first use: exceljs (with bluebird and unzipper) cost seconds of CPU at every start-up (bench/startup.ts).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Etäpiste';
  const ws = wb.addWorksheet(l.title);
  ws.columns = [{ width: 44 }, { width: 16 }, { width: 40 }, { width: 14 }, { width: 14 }, { width: 14 }];
  let n = 0;
  const row = (...values: unknown[]) => {
    n += 1;
    ws.getRow(n).values = values as ExcelJS.CellValue[];
    return n;
  };
  const bold = (i: number) => (ws.getRow(i).font = { bold: true });
  const money = (addr: string) => (ws.getCell(addr).numFmt = EUR);

  bold(row(l.title));
  row(l.agreement, r.agreementTitle);
  row(l.contractor, r.contractor);
  row(l.payer, r.payer);
  row(l.principals, r.principals.join(', '));
  row(l.period, `${day(r.from)} – ${day(r.to)}`);
  row(l.reference, r.invoiceBasis.reference);
  const rate = row(l.rate, r.hourlyRateCents / 100);
  money(`B${rate}`);
  row();

  bold(row(l.task, l.minutes, l.hoursCol));
  const taskStart = n + 1;
  for (const [task, m] of Object.entries(r.minutesByTask)) {
    const i = row(l.tasks[task as keyof typeof l.tasks] ?? task, m);
    ws.getCell(`C${i}`).value = { formula: `B${i}/60`, result: m / 60 };
  }
  if (n < taskStart) row('–', 0); // a sum range never reaches its own row
  const taskEnd = n;
  const total = row(l.totalTime);
  ws.getCell(`B${total}`).value = { formula: `SUM(B${taskStart}:B${taskEnd})`, result: r.totalMinutes };
  ws.getCell(`C${total}`).value = { formula: `B${total}/60`, result: r.totalMinutes / 60 };
  bold(total);
  const approvedTime = row(l.approvedTime, r.approvedMinutes);
  row();

  bold(row(l.agency, l.minutes, l.hoursCol));
  const agencyStart = n + 1;
  for (const [agency, m] of Object.entries(r.minutesByAgency)) {
    const i = row(agency === 'none' ? l.none : (r.agencyNames[agency] ?? agency), m);
    ws.getCell(`C${i}`).value = { formula: `B${i}/60`, result: m / 60 };
  }
  if (n < agencyStart) row('–', 0);
  const agencyEnd = n;
  const agencyTotal = row(l.total);
  ws.getCell(`B${agencyTotal}`).value = { formula: `SUM(B${agencyStart}:B${agencyEnd})`, result: r.totalMinutes };
  row();

  const oneRate = Math.round((r.totalMinutes * r.hourlyRateCents) / 60) === r.labourCents && Math.round((r.approvedMinutes * r.hourlyRateCents) / 60) === r.approvedLabourCents;
  const labour = row(l.labour);
  ws.getCell(`B${labour}`).value = oneRate ? { formula: `ROUND(B${total}*B${rate}/60,2)`, result: r.labourCents / 100 } : r.labourCents / 100;
  const approvedLabour = row(`${l.labour} (${l.approvedTime})`);
  ws.getCell(`B${approvedLabour}`).value = oneRate ? { formula: `ROUND(B${approvedTime}*B${rate}/60,2)`, result: r.approvedLabourCents / 100 } : r.approvedLabourCents / 100;
  money(`B${labour}`);
  money(`B${approvedLabour}`);
  bold(labour);
  row();

  bold(row(l.claims, l.date, l.description, l.status, l.amount, l.counted));
  const claimStart = n + 1;
  for (const c of r.claims.filter((c) => c.claimable)) {
    const i = row(l.categories[c.category], day(c.date), c.description, l.states[c.status], c.amountCents / 100);
    ws.getCell(`F${i}`).value = { formula: `IF(D${i}="${l.states.rejected}",0,E${i})`, result: c.status === 'rejected' ? 0 : c.amountCents / 100 };
    money(`E${i}`);
    money(`F${i}`);
  }
  if (n < claimStart) row('–', '', '', '', 0, 0);
  const claimEnd = n;
  const claimsTotal = row(l.claimsTotal);
  ws.getCell(`F${claimsTotal}`).value = { formula: `SUM(F${claimStart}:F${claimEnd})`, result: r.claimsCents / 100 };
  const approvedClaims = row(`${l.claimsTotal} (${l.approvedClaims})`);
  ws.getCell(`F${approvedClaims}`).value = { formula: `SUMIF(D${claimStart}:D${claimEnd},"${l.states.approved}",F${claimStart}:F${claimEnd})`, result: r.approvedClaimsCents / 100 };
  money(`F${claimsTotal}`);
  money(`F${approvedClaims}`);
  bold(claimsTotal);
  row();

  bold(row(l.caps, l.cap, l.used, l.left));
  for (const c of r.caps) {
    const i = row(l.categories[c.category], c.capCents / 100, c.usedCents / 100);
    ws.getCell(`D${i}`).value = { formula: `MAX(0,B${i}-C${i})`, result: c.leftCents / 100 };
    for (const col of ['B', 'C', 'D']) money(`${col}${i}`);
  }
  const works = row(l.works, r.premisesWorksCents / 100);
  money(`B${works}`);
  row();

  const grand = row(l.total);
  ws.getCell(`B${grand}`).value = { formula: `B${labour}+F${claimsTotal}`, result: r.totalCents / 100 };
  const approvedGrand = row(l.approvedTotal);
  ws.getCell(`B${approvedGrand}`).value = { formula: `B${approvedLabour}+F${approvedClaims}`, result: r.approvedTotalCents / 100 };
  money(`B${grand}`);
  money(`B${approvedGrand}`);
  bold(grand);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
