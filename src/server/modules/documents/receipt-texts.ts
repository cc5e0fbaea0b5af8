import type { Language } from '../../../shared/common.js';
import type { DocumentKind } from '../../../shared/documents.js';
import { officialDate, officialDateTime } from '../../../shared/official-time.js';

/** The receipt's words in the customer's language (the web page uses the `documents` namespace). */
export type ReceiptTexts = {
  title: string;
  intro: string;
  reference: string;
  customer: string;
  agency: string;
  kind: string;
  pages: string;
  files: string;
  /** When the customer handed the documents in at the point (receivedAt): the arrival date (docs/language.md, *verify*). */
  received: string;
  /** When the point forwarded them to the agency (sentAt). */
  forwarded: string;
  place: string;
  retention: string;
  noContent: string;
  subject: string;
  kinds: Record<DocumentKind, string>;
};

export const RECEIPT_TEXTS: Record<Language, ReceiptTexts> = {
  fi: {
    title: 'Kuitti vastaanotetuista asiakirjoista',
    intro: 'Palvelupiste on vastaanottanut asiakirjasi ja välittää ne vain alla mainitulle viranomaiselle.',
    reference: 'Kuitin numero',
    customer: 'Asiakas',
    agency: 'Vastaanottaja',
    kind: 'Asiakirja',
    pages: 'Sivuja',
    files: 'Tiedostoja',
    received: 'Vastaanotettu palvelupisteessä',
    forwarded: 'Välitetty viranomaiselle',
    place: 'Paikka',
    retention: 'Asiakirjat poistetaan palvelusta, kun viranomainen on kuitannut ne, viimeistään',
    noContent: 'Kuitti ei sisällä asiakirjojen sisältöä.',
    subject: 'Kuitti vastaanotetuista asiakirjoista',
    kinds: { application: 'Hakemus', attachment: 'Liite', certificate: 'Todistus', 'identity-document-copy': 'Henkilöllisyystodistuksen kopio', letter: 'Kirje', other: 'Muu asiakirja' },
  },
  sv: {
    title: 'Kvitto på mottagna handlingar',
    intro: 'Servicepunkten har tagit emot dina handlingar och förmedlar dem endast till myndigheten nedan.',
    reference: 'Kvittonummer',
    customer: 'Kund',
    agency: 'Mottagare',
    kind: 'Handling',
    pages: 'Sidor',
    files: 'Filer',
    received: 'Mottagen vid servicepunkten',
    forwarded: 'Förmedlad till myndigheten',
    place: 'Plats',
    retention: 'Handlingarna raderas ur tjänsten när myndigheten har kvitterat dem, senast',
    noContent: 'Kvittot innehåller inte handlingarnas innehåll.',
    subject: 'Kvitto på mottagna handlingar',
    kinds: { application: 'Ansökan', attachment: 'Bilaga', certificate: 'Intyg', 'identity-document-copy': 'Kopia av identitetshandling', letter: 'Brev', other: 'Annan handling' },
  },
  en: {
    title: 'Receipt for documents received',
    intro: 'The service point has received your documents and forwards them only to the agency below.',
    reference: 'Receipt number',
    customer: 'Customer',
    agency: 'Recipient',
    kind: 'Document',
    pages: 'Pages',
    files: 'Files',
    received: 'Received at the service point',
    forwarded: 'Forwarded to the agency',
    place: 'Place',
    retention: 'The documents are deleted from the service once the agency has acknowledged them, at the latest on',
    noContent: 'This receipt does not contain the documents themselves.',
    subject: 'Receipt for documents received',
    kinds: { application: 'Application', attachment: 'Attachment', certificate: 'Certificate', 'identity-document-copy': 'Copy of an identity document', letter: 'Letter', other: 'Other document' },
  },
};

/** "2.3.2026 klo 10.15" / "2.3.2026 kl. 10.15" / "2 Mar 2026 at 10:15" in the point's time zone; the date alone for deadlines. */
export function formatInstant(iso: string, lang: Language, timeZone: string, withTime = true): string {
  return withTime ? officialDateTime(iso, lang, timeZone, false) : officialDate(iso, lang, timeZone, false);
}
