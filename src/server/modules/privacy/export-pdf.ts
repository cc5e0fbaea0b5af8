import type { Language } from '../../../shared/common.js';
import type { PersonExport } from '../../../shared/privacy.js';
import { localTime, exportLabels } from './export-labels.js';

/** The export as a readable A4 PDF in the admin's chosen language: the same records as the JSON, one after another. */
export async function personExportPdf(x: PersonExport, lang: Language): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const { unicodeWriter, MARGIN } = await import('../../pdf/writer.js');
  const l = exportLabels(lang);
  const doc = await PDFDocument.create();
  doc.setTitle(l.title);
  doc.setLanguage(lang === 'en' ? 'en' : `${lang}-FI`);
  doc.setProducer('Etäpiste');
  const w = await unicodeWriter(doc);
  const pair = (label: string, value: string | undefined) => {
    if (value) w.line([{ text: label }, { text: value, x: 240 }]);
  };
  const word = (map: Record<string, string>, key: string) => map[key] ?? key;
  const status = (s: string) => word(l.statuses, s);
  const heading = (text: string) => {
    w.space(6);
    w.line([{ text }], { bold: true, size: 13, gap: 6 });
    w.rule();
  };

  w.line([{ text: l.title }], { bold: true, size: 18, gap: 10 });
  w.paragraph(l.intro);
  w.space(4);
  pair(l.agency, x.agencyName[lang]);
  pair(l.exportedAt, localTime(x.exportedAt, lang));

  heading(l.bookings);
  if (x.bookings.length === 0) w.line([{ text: l.none }]);
  for (const b of x.bookings) {
    w.line([{ text: `${l.reference} ${b.reference}` }], { bold: true });
    pair(l.time, `${localTime(b.start, lang)} – ${localTime(b.end, lang)}`);
    pair(l.service, b.service[lang]);
    pair(l.servicePoint, b.servicePoint[lang]);
    pair(l.status, status(b.status));
    pair(l.channel, word(l.channels, b.channel));
    pair(l.language, b.language);
    pair(l.name, b.customer.name);
    pair(l.phone, b.customer.phone);
    pair(l.email, b.customer.email);
    if (b.note) {
      w.line([{ text: l.note }]);
      w.paragraph(b.note, { x: MARGIN + 12, size: 9 });
    }
    pair(l.cancelReason, b.cancelReason);
    for (const c of b.identityChecks) {
      pair(l.identityChecks, `${localTime(c.requestedAt, lang)}: ${c.verified === undefined ? status(c.status) : c.verified ? l.verified : l.notVerified}`);
    }
    for (const m of b.messages) pair(l.messages, `${word(l.messageKinds, m.kind)}, ${word(l.messageKinds, m.channel)}: ${m.sentAt ? localTime(m.sentAt, lang) : m.status}`);
    w.space(6);
  }

  heading(l.walkIns);
  if (x.walkIns.length === 0) w.line([{ text: l.none }]);
  for (const q of x.walkIns) {
    pair(l.createdAt, localTime(q.createdAt, lang));
    pair(l.name, q.customerName);
    pair(l.service, q.service[lang]);
    pair(l.servicePoint, q.servicePoint[lang]);
    pair(l.status, status(q.status));
    w.space(6);
  }

  heading(l.documents);
  if (x.documents.length === 0) w.line([{ text: l.none }]);
  for (const d of x.documents) {
    pair(l.receipt, d.reference);
    pair(l.createdAt, localTime(d.createdAt, lang));
    pair(l.kind, word(l.kinds, d.kind));
    pair(l.status, status(d.status));
    pair(l.pages, String(d.pageCount));
    pair(l.name, d.customerName);
    if (d.coverNote) {
      w.line([{ text: l.coverNote }]);
      w.paragraph(d.coverNote, { x: MARGIN + 12, size: 9 });
    }
    w.space(6);
  }
  return Buffer.from(await doc.save());
}
