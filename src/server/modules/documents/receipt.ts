import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFFont } from 'pdf-lib';
import type { Language } from '../../../shared/common.js';
import type { ReceiptView } from '../../../shared/documents.js';
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

/**
 * DejaVu Sans (shipped by the dejavu-fonts-ttf package), embedded as a subset: the Unicode letters of Sámi and other
 * names (đ, ŋ, ŧ, ʒ, č, ǩ) print as they are written. Read from disk once, on the first receipt.
 */
const resolvePackage = createRequire(import.meta.url).resolve;
let fontFiles: Promise<[Buffer, Buffer]> | undefined;
function receiptFonts(): Promise<[Buffer, Buffer]> {
  fontFiles ??= Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => readFile(resolvePackage(`dejavu-fonts-ttf/ttf/${file}`)))) as Promise<
    [Buffer, Buffer]
  >;
  return fontFiles;
}
/** A one-page A4 PDF of the receipt, in the chosen language. */
export async function receiptPdf(r: ReceiptView, lang: Language = r.language): Promise<Buffer> {
  const t = RECEIPT_TEXTS[lang];
  // Loaded on first use: pdf-lib costs ~200 ms and ~15 MB at start-up for a rare request.
  const [{ PDFDocument, rgb }, { default: fontkit }, [regularTtf, boldTtf]] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit'), receiptFonts()]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${t.title} ${r.reference}`);
  doc.setLanguage(lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB');
  doc.setProducer('Etäpiste');
  const page = doc.addPage([595.28, 841.89]);
  const regular = await doc.embedFont(regularTtf, { subset: true });
  const bold = await doc.embedFont(boldTtf, { subset: true });
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
    [t.agency, r.agency[lang]],
    [t.kind, t.kinds[r.kind]],
    [t.pages, String(r.pageCount)],
    [t.files, String(r.fileCount)],
    [t.received, formatInstant(r.sentAt ?? r.receivedAt, lang, tz)],
    [t.place, [r.servicePoint.name[lang], r.room?.[lang]].filter(Boolean).join(', ')],
    ['', `${r.servicePoint.streetAddress}, ${r.servicePoint.postalCode} ${r.servicePoint.city[lang]}`],
    ['', r.servicePoint.phone],
  ];
  for (const [label, value] of rows) {
    if (label) page.drawText(label, { x: 56, y, size: 11, font: bold });
    page.drawText(value, { x: 200, y, size: 11, font: regular, maxWidth: 340 });
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
    `${t.agency}: ${receipt.agency[lang]}`,
    `${t.kind}: ${t.kinds[receipt.kind]}`,
    `${t.pages}: ${receipt.pageCount}`,
    `${t.received}: ${formatInstant(receipt.sentAt ?? receipt.receivedAt, lang, receipt.servicePoint.timeZone)}`,
    `${t.place}: ${receipt.servicePoint.name[lang]}, ${receipt.servicePoint.streetAddress}, ${receipt.servicePoint.city[lang]}`,
    '',
    t.noContent,
  ].join('\n');
  await sendDocumentMail(ctx.config, { to, subject: `${t.subject} ${receipt.reference}`, text, attachments: [{ filename: `${receipt.reference}.pdf`, content: pdf, contentType: 'application/pdf' }] });
  await recordAudit(ctx.db, actor, { action: 'document.receipt_emailed', targetType: 'document', targetId: id, details: { toBooking: !input.email } }, ip);
  return { sentTo: to };
}
