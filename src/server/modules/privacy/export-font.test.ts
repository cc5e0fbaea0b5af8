import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { PersonExport } from '../../../shared/privacy.js';
import { personExportPdf } from './export-pdf.js';

/** A Northern and a Skolt Sámi name: the data subject's export must print every letter as written, like the receipt. */
const SAMI_NAME = 'Áilu Đuoŋŋa-Ŧuolbma Ʒiǩčár';

const place = { fi: 'Porvoo-info', sv: 'Borgå-info', en: 'Porvoo-info' };
const exported: PersonExport = {
  agencyId: '6f1c1d7e-1111-4222-8333-444455556666',
  agencyName: { fi: 'Kela', sv: 'FPA', en: 'Kela' },
  exportedAt: '2026-12-07T07:30:00.000Z',
  bookings: [
    {
      id: '6f1c1d7e-1111-4222-8333-444455556667',
      reference: 'ACD347',
      start: '2026-12-07T07:30:00.000Z',
      end: '2026-12-07T08:15:00.000Z',
      status: 'booked',
      channel: 'on-site',
      language: 'fi',
      service: { fi: 'Perustoimeentulotuki', sv: 'Grundläggande utkomststöd', en: 'Basic social assistance' },
      servicePoint: place,
      customer: { name: SAMI_NAME, phone: '+358401234567' },
      note: 'Giitu, Áŋŋá ja Čuđet',
      createdAt: '2026-12-01T10:00:00.000Z',
      identityChecks: [],
      messages: [],
    },
  ],
  walkIns: [],
  documents: [],
};

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('data subject export PDF font', () => {
  it('prints a Sámi name letter for letter (đ, ŋ, ŧ, ʒ, č, ǩ) in every language, times in Helsinki time', async () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const text = await textOf(await personExportPdf(exported, lang));
      expect(text).toContain(SAMI_NAME);
      expect(text).toContain('Giitu, Áŋŋá ja Čuđet');
      expect(text).not.toContain('?');
    }
    const fi = await textOf(await personExportPdf(exported, 'fi'));
    expect(fi).toContain('7.12.2026 klo 9.30');
    expect(fi).toContain('Kela');
    const sv = await textOf(await personExportPdf(exported, 'sv'));
    expect(sv).toContain('7.12.2026 kl. 9.30');
    expect(sv).toContain('FPA');
    expect(sv).toContain('Grundläggande utkomststöd');
  });
});
