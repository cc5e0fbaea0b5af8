import type { PDFFont } from 'pdf-lib';
import type { Language } from '../../../shared/common.js';
import type { ReceiptView } from '../../../shared/documents.js';
import { localizedOr } from '../../../shared/localized.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { loadKnown, mayKnowCustomer } from './access.js';
import { sendDocumentMail } from './mail.js';
import { RECEIPT_TEXTS, formatInstant } from './receipt-texts.js';
import { handoverRepository } from './repository.js';

/**
 * The customer's receipt: what was handed over, how many pages, for which agency, when and where. Never content.
 * For the advisor at the point and the agency, once the handover has been sent.
 */
export async function getReceipt(ctx: AppContext, actor: Actor, id: string, ip?: string): Promise<ReceiptView> {
  const h = await loadKnown(ctx.db, actor, id);
  if (!mayKnowCustomer(actor, h)) throw new HttpProblem(403, 'forbidden', 'Forbidden', 'Only the service point and the agency read receipts');
  if (h.status === 'draft') throw new HttpProblem(409, 'document.not_sent', 'Conflict', 'A receipt is given once the documents have been sent');
  const [{ point, agency, room }, customer] = await Promise.all([handoverRepository.places(ctx.db, h), handoverRepository.customerOf(ctx.db, h)]);
  await recordAudit(ctx.db, actor, { action: 'document.receipt_read', targetType: 'document', targetId: id, organisationId: h.agencyId }, ip);
  return {
    reference: h.reference,
    status: h.status,
    language: h.language as Language,
    kind: h.kind,
    pageCount: h.pageCount,
    fileCount: h.fileCount,
    customerName: customer.name,
    customerEmail: h.status === 'purged' ? null : customer.email,
    bookingReference: customer.bookingReference,
    agency: agency.name,
    servicePoint: { name: point.name, streetAddress: point.streetAddress, postalCode: point.postalCode, city: point.city, phone: point.phone, timeZone: point.timeZone },
    room: room?.name ?? null,
    receivedAt: h.createdAt.toISOString(),
    sentAt: h.sentAt?.toISOString() ?? null,
    purgeAt: h.purgeAt.toISOString(),
  };
}

/** A one-page A4 PDF of the receipt, in the chosen language. */
export async function receiptPdf(r: ReceiptView, lang: Language = r.language): Promise<Buffer> {
  const t = RECEIPT_TEXTS[lang];
  // Loaded on first use: pdf-lib costs ~200 ms and ~15 MB at start-up for a rare request.
  const [{ PDFDocument, rgb }, { embedUnicodeFonts }] = await Promise.all([import('pdf-lib'), import('../../pdf/fonts.js')]);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t.title} ${r.reference}`);
  doc.setLanguage(lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB');
  doc.setProducer('Etäpiste');
  const page = doc.addPage([595.28, 841.89]);
  const { regular, bold } = await embedUnicodeFonts(doc);
  let y = 780;
  const line = (text: string, opts: { font?: PDFFont; size?: number; gap?: number } = {}) => {
    const font = opts.font ?? regular;
    page.drawText(text, { x: 56, y, size: opts.size ?? 11, font, color: rgb(0.1, 0.1, 0.1), maxWidth: 480 });
    y -= opts.gap ?? 18;
  };
  const tz = r.servicePoint.timeZone;
  line(t.title, { font: bold, size: 18, gap: 30 });
  line(t.intro, { gap: 28 });
  const rows: [string, string][] = [
    [t.reference, r.reference],
    ...(r.customerName ? [[t.customer, r.customerName] as [string, string]] : []),
    [t.agency, localizedOr(r.agency, lang)],
    [t.kind, t.kinds[r.kind]],
    [t.pages, String(r.pageCount)],
    [t.files, String(r.fileCount)],
    [t.received, formatInstant(r.receivedAt, lang, tz)],
    ...(r.sentAt ? [[t.forwarded, formatInstant(r.sentAt, lang, tz)] as [string, string]] : []),
    [t.place, [localizedOr(r.servicePoint.name, lang), localizedOr(r.room, lang)].filter(Boolean).join(', ')],
    ['', `${localizedOr(r.servicePoint.streetAddress, lang)}, ${r.servicePoint.postalCode} ${localizedOr(r.servicePoint.city, lang)}`],
    ['', r.servicePoint.phone],
  ];
  for (const [label, value] of rows) {
    if (label) page.drawText(label, { x: 56, y, size: 11, font: bold, maxWidth: 228 });
    page.drawText(value, { x: 290, y, size: 11, font: regular, maxWidth: 250 });
    y -= 20;
  }
  y -= 16;
  line(`${t.retention} ${formatInstant(r.purgeAt, lang, tz, false)}.`);
  line(t.noContent);
  return Buffer.from(await doc.save());
}

/** E-mails the receipt PDF to the booking's address (or one the customer gives at the desk). */
export async function emailReceipt(ctx: AppContext, actor: Actor, id: string, input: { email?: string; language?: Language }, ip?: string) {
  const receipt = await getReceipt(ctx, actor, id, ip);
  const to = input.email ?? receipt.customerEmail;
  if (!to) throw invalid('document.email_missing', 'The booking has no e-mail address: give one');
  const lang = input.language ?? receipt.language;
  const t = RECEIPT_TEXTS[lang];
  const pdf = await receiptPdf(receipt, lang);
  const text = [
    t.intro,
    '',
    `${t.reference}: ${receipt.reference}`,
    `${t.agency}: ${localizedOr(receipt.agency, lang)}`,
    `${t.kind}: ${t.kinds[receipt.kind]}`,
    `${t.pages}: ${receipt.pageCount}`,
    `${t.received}: ${formatInstant(receipt.receivedAt, lang, receipt.servicePoint.timeZone)}`,
    ...(receipt.sentAt ? [`${t.forwarded}: ${formatInstant(receipt.sentAt, lang, receipt.servicePoint.timeZone)}`] : []),
    `${t.place}: ${localizedOr(receipt.servicePoint.name, lang)}, ${localizedOr(receipt.servicePoint.streetAddress, lang)}, ${receipt.servicePoint.postalCode} ${localizedOr(receipt.servicePoint.city, lang)}`,
    '',
    t.noContent,
  ].join('\n');
  await sendDocumentMail(ctx.config, { to, subject: `${t.subject}: ${receipt.reference}`, text, attachments: [{ filename: `${receipt.reference}.pdf`, content: pdf, contentType: 'application/pdf' }] });
  await recordAudit(ctx.db, actor, { action: 'document.receipt_emailed', targetType: 'document', targetId: id, details: { toBooking: !input.email } }, ip);
  return { sentTo: to };
}
