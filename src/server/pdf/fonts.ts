import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Sans (shipped by the dejavu-fonts-ttf package), the one Unicode font of every generated PDF (the document
 * receipt, the data subject export): the letters of Sámi and other names (đ, ŋ, ŧ, ʒ, č, ǩ) print as they are
 * written. Read from disk once, on the first document; embedded as a subset.
 */
const resolvePackage = createRequire(import.meta.url).resolve;
let fontFiles: Promise<[Buffer, Buffer]> | undefined;
function fontFilesOnce(): Promise<[Buffer, Buffer]> {
  fontFiles ??= Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => readFile(resolvePackage(`dejavu-fonts-ttf/ttf/${file}`)))) as Promise<
    [Buffer, Buffer]
  >;
  return fontFiles;
}

/** Registers fontkit on the document and embeds the regular and bold Unicode fonts. */
export async function embedUnicodeFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  // Loaded on first use: fontkit is large and PDFs are rare requests.
  const [{ default: fontkit }, [regularTtf, boldTtf]] = await Promise.all([import('@pdf-lib/fontkit'), fontFilesOnce()]);
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([doc.embedFont(regularTtf, { subset: true }), doc.embedFont(boldTtf, { subset: true })]);
  return { regular, bold };
}
