import type { Language } from '../../../shared/common.js';
import type { DocumentKind } from '../../../shared/documents.js';

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
  received: string;
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
    reference: 'Tunnus',
    customer: 'Asiakas',
    agency: 'Vastaanottaja',
    kind: 'Asiakirja',
    pages: 'Sivuja',
    files: 'Tiedostoja',
    received: 'Vastaanotettu',
    place: 'Paikka',
    retention: 'Asiakirjat poistetaan palvelusta, kun viranomainen on kuitannut ne, viimeistään',
    noContent: 'Kuitti ei sisällä asiakirjojen sisältöä.',
    subject: 'Kuitti vastaanotetuista asiakirjoista',
    kinds: { application: 'Hakemus', attachment: 'Liite', certificate: 'Todistus', 'identity-document-copy': 'Henkilöllisyystodistuksen kopio', letter: 'Kirje', other: 'Muu asiakirja' },
  },
  sv: {
    title: 'Kvitto på mottagna handlingar',
    intro: 'Servicepunkten har tagit emot dina handlingar och förmedlar dem endast till myndigheten nedan.',
    reference: 'Kod',
    customer: 'Kund',
    agency: 'Mottagare',
    kind: 'Handling',
    pages: 'Sidor',
    files: 'Filer',
    received: 'Mottagen',
    place: 'Plats',
    retention: 'Handlingarna raderas ur tjänsten när myndigheten har kvitterat dem, senast',
    noContent: 'Kvittot innehåller inte handlingarnas innehåll.',
    subject: 'Kvitto på mottagna handlingar',
    kinds: { application: 'Ansökan', attachment: 'Bilaga', certificate: 'Intyg', 'identity-document-copy': 'Kopia av identitetshandling', letter: 'Brev', other: 'Annan handling' },
  },
  en: {
    title: 'Receipt for documents received',
    intro: 'The service point has received your documents and forwards them only to the agency below.',
    reference: 'Reference',
    customer: 'Customer',
    agency: 'Recipient',
    kind: 'Document',
    pages: 'Pages',
    files: 'Files',
    received: 'Received',
    place: 'Place',
    retention: 'The documents are deleted from the service once the agency has acknowledged them, at the latest on',
    noContent: 'This receipt does not contain the documents themselves.',
    subject: 'Receipt for documents received',
    kinds: { application: 'Application', attachment: 'Attachment', certificate: 'Certificate', 'identity-document-copy': 'Copy of an identity document', letter: 'Letter', other: 'Other document' },
  },
};

export function formatInstant(iso: string, lang: Language, timeZone: string, withTime = true): string {
  const locale = lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) }).format(new Date(iso));
}
