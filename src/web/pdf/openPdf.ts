import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * PDF.js, loaded only when a PDF is shown. Its worker is a file of this app's own build, served from our origin
 * (the CSP's script-src 'self' covers it); the document's bytes are fetched with the session like any API call.
 */
let loading: Promise<typeof PdfJs> | undefined;

function pdfjs() {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

export async function openPdf(url: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`PDF ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  return lib.getDocument({ data, useSystemFonts: true }).promise;
}
