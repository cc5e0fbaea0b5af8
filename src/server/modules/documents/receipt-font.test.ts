import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '../../../shared/documents.js';
import { receiptPdf } from './receipt.js';

/** A sent handover's receipt with a Northern and a Skolt Sámi name: every letter must print as written. */
const SAMI_NAME = 'Áilu Đuoŋŋa-Ŧuolbma Ʒiǩčár';

function receipt(customerName: string): ReceiptView {
  return {
    reference: 'D-7Q2K',
    status: 'sent',
    language: 'fi',
    kind: 'application',
    pageCount: 3,
    fileCount: 1,
    customerName,
    customerEmail: 'asiakas@example.fi',
    bookingReference: 'K3M9QX',
    agency: { fi: 'Kela', sv: 'FPA', en: 'Kela' },
    servicePoint: {
      name: { fi: 'Porvoo-info', sv: 'Borgå-info', en: 'Porvoo-info' },
      streetAddress: { fi: 'Rihkamakatu 4', sv: 'Smedjegatan 4', en: 'Rihkamakatu 4' },
      postalCode: '06100',
      city: { fi: 'Porvoo', sv: 'Borgå', en: 'Porvoo' },
      phone: '+358 19 520 2316',
      timeZone: 'Europe/Helsinki',
    },
    room: null,
    receivedAt: '2026-03-02T08:15:00.000Z',
    sentAt: '2026-03-02T08:20:00.000Z',
    purgeAt: '2026-04-01T08:20:00.000Z',
  };
}

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('receipt PDF font', () => {
  it('prints a Sámi name letter for letter (đ, ŋ, ŧ, ʒ, č, ǩ) in every language', async () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const text = await textOf(await receiptPdf(receipt(SAMI_NAME), lang));
      expect(text).toContain(SAMI_NAME);
      expect(text).toContain('D-7Q2K');
    }
  });

  it('keeps Finnish and Swedish letters and embeds only a subset of the font', async () => {
    const pdf = await receiptPdf(receipt('Åsa Öhman-Äijälä'), 'sv');
    expect(await textOf(pdf)).toContain('Åsa Öhman-Äijälä');
    expect(await textOf(pdf)).toContain('Borgå-info');
    // The Swedish receipt: its number, the street in Swedish, the hand-over time and the forwarding time, Helsinki time.
    const sv = await textOf(pdf);
    expect(sv).toContain('Kvittonummer');
    expect(sv).toContain('Smedjegatan 4, 06100 Borgå');
    expect(sv).toContain('Mottagen vid servicepunkten');
    expect(sv).toContain('2.3.2026 kl. 10.15');
    expect(sv).toContain('Förmedlad till myndigheten');
    expect(sv).not.toContain('Rihkamakatu');
    // DejaVu Sans is ~740 kB: a subset keeps the receipt small enough to e-mail.
    expect(pdf.length).toBeLessThan(120_000);
  });
});
