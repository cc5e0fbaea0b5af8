import { invalid } from '../../http/problem.js';

export type DocumentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from('%PDF-', 'latin1');

/** The type of a file from its first bytes; names and declared content types are not trusted. */
export function sniff(bytes: Buffer): DocumentMediaType | undefined {
  if (bytes.subarray(0, PDF.length).equals(PDF)) return 'application/pdf';
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  return undefined;
}

/**
 * Pages in a PDF. The cheap way first: count page objects (`/Type /Page`, not `/Pages`) in the file's bytes, which
 * covers PDFs written without compressed object streams (scanners, most printers). When none are visible (page
 * objects inside compressed object streams), pdf-lib parses the document. A file that is neither is refused.
 */
export async function pdfPageCount(bytes: Buffer): Promise<number> {
  const text = bytes.toString('latin1');
  const matches = text.match(/\/Type\s*\/Page(?![A-Za-z])/g);
  if (matches && matches.length > 0) return matches.length;
  // Loaded on first use: pdf-lib costs ~200 ms and ~15 MB at start-up.
  const { PDFDocument } = await import('pdf-lib');
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    const pages = doc.getPageCount();
    if (pages > 0) return pages;
  } catch {
    // fall through: not a PDF we can read
  }
  throw invalid('document.pdf_unreadable', 'The PDF file could not be read');
}

/** Checks an uploaded file by content and returns what it is and how many pages it holds. */
export async function inspectFile(bytes: Buffer, maxBytes: number): Promise<{ mediaType: DocumentMediaType; pageCount: number }> {
  if (bytes.length === 0) throw invalid('document.empty', 'The file is empty');
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  const mediaType = sniff(bytes);
  if (!mediaType) throw invalid('document.file_type', 'Only PDF, JPEG and PNG files are accepted');
  return { mediaType, pageCount: mediaType === 'application/pdf' ? await pdfPageCount(bytes) : 1 };
}

export const tooLarge = (maxBytes: number) =>
  invalid('document.too_large', `A file may be at most ${Math.floor(maxBytes / (1024 * 1024)) || maxBytes} ${maxBytes >= 1024 * 1024 ? 'MB' : 'bytes'}`);

export const extensionOf = (mediaType: string) => (mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg');
