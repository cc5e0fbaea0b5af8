import type { ReimbursementReport } from '../../../shared/time-reports.js';
import type { ReportLanguage } from './build-report.js';
import { day, euros, labelsFor } from './report-labels.js';

const hours = (minutes: number) => (minutes / 60).toFixed(2).replace('.', ',');

/** The report as a print-quality A4 PDF in Finnish or Swedish, with the parties' names and a signature line. */
export async function reportPdf(r: ReimbursementReport, lang: ReportLanguage): Promise<Buffer> {
  const l = labelsFor(lang);
  // pdf-lib is loaded on first use (as in the other PDF writers): it is ~1 s of CPU at start-up on a loaded machine.
  const [{ PDFDocument }, { A4, MARGIN, unicodeWriter }] = await Promise.all([import('pdf-lib'), import('../../pdf/writer.js')]);
  const doc = await PDFDocument.create();
  doc.setTitle(`${l.title} ${r.invoiceBasis.reference}`);
  doc.setLanguage(lang === 'fi' ? 'fi-FI' : 'sv-FI');
  doc.setProducer('Etäpiste');
  const w = await unicodeWriter(doc);
  const right = A4[0] - MARGIN;
  const pair = (label: string, value: string) => w.line([{ text: label }, { text: value, x: 200 }]);

  w.line([{ text: l.title }], { bold: true, size: 18, gap: 12 });
  pair(l.agreement, r.agreementTitle);
  pair(l.contractor, r.contractor);
  pair(l.payer, r.payer);
  pair(l.principals, r.principals.join(', '));
  pair(l.period, `${day(r.from)} – ${day(r.to)}`);
  pair(l.reference, r.invoiceBasis.reference);
  pair(l.rate, `${euros(r.hourlyRateCents)} / h`);
  w.space();

  w.line([{ text: l.task }, { text: l.minutes, right: 420 }, { text: l.hoursCol, right }], { bold: true });
  w.rule();
  for (const [task, m] of Object.entries(r.minutesByTask)) w.line([{ text: l.tasks[task as keyof typeof l.tasks] ?? task }, { text: String(m), right: 420 }, { text: hours(m), right }]);
  w.rule();
  w.line([{ text: l.totalTime }, { text: String(r.totalMinutes), right: 420 }, { text: hours(r.totalMinutes), right }], { bold: true });
  w.line([{ text: l.approvedTime }, { text: String(r.approvedMinutes), right: 420 }, { text: hours(r.approvedMinutes), right }]);
  w.space();

  w.line([{ text: l.agency }, { text: l.minutes, right: 420 }, { text: l.hoursCol, right }], { bold: true });
  w.rule();
  for (const [agency, m] of Object.entries(r.minutesByAgency)) {
    w.line([{ text: agency === 'none' ? l.none : (r.agencyNames[agency] ?? agency) }, { text: String(m), right: 420 }, { text: hours(m), right }]);
  }
  w.space();
  w.line([{ text: l.labour }, { text: euros(r.labourCents), right }], { bold: true });
  w.line([{ text: `${l.labour} (${l.approvedTime})` }, { text: euros(r.approvedLabourCents), right }]);
  w.space();

  w.line([{ text: l.claims }, { text: l.date, x: 200 }, { text: l.status, x: 330 }, { text: l.amount, right }], { bold: true });
  w.rule();
  for (const c of r.claims.filter((c) => c.claimable)) {
    w.line([{ text: l.categories[c.category] }, { text: day(c.date), x: 200 }, { text: l.states[c.status], x: 330 }, { text: euros(c.amountCents), right }]);
    w.line([{ text: c.description.slice(0, 90), x: MARGIN + 12 }], { size: 8, gap: 6 });
  }
  w.rule();
  w.line([{ text: l.claimsTotal }, { text: euros(r.claimsCents), right }], { bold: true });
  w.line([{ text: `${l.approvedClaims} / ${l.pendingClaims}` }, { text: `${euros(r.approvedClaimsCents)} / ${euros(r.pendingClaimsCents)}`, right }]);
  w.space();

  w.line([{ text: l.caps }, { text: l.cap, right: 330 }, { text: l.used, right: 420 }, { text: l.left, right }], { bold: true });
  w.rule();
  for (const c of r.caps) w.line([{ text: l.categories[c.category] }, { text: euros(c.capCents), right: 330 }, { text: euros(c.usedCents), right: 420 }, { text: euros(c.leftCents), right }]);
  w.line([{ text: l.works, x: MARGIN }], { size: 8 });
  w.line([{ text: euros(r.premisesWorksCents), right }], { size: 8 });
  w.space();

  w.rule();
  w.line([{ text: l.total }, { text: euros(r.totalCents), right }], { bold: true, size: 12 });
  w.line([{ text: l.approvedTotal }, { text: euros(r.approvedTotalCents), right }], { size: 11 });
  w.space(40);
  if (w.y < MARGIN + 60) w.newPage();
  const lineAt = (x1: number, x2: number) => w.page.drawLine({ start: { x: x1, y: w.y }, end: { x: x2, y: w.y }, thickness: 0.7 });
  lineAt(MARGIN, 250);
  lineAt(300, right);
  w.space(12);
  w.line([{ text: l.place }, { text: `${l.signature}, ${r.contractor}`, x: 300 }], { size: 9 });
  return Buffer.from(await doc.save());
}
