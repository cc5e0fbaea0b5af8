import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in points, and the margin every generated document keeps. */
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;

/** Writes lines top-down on A4 pages, starting a new page when one is full. */
export class Writer {
  page!: PDFPage;
  y = 0;
  private chars: Set<number>;
  constructor(
    private doc: PDFDocument,
    private font: PDFFont,
    private bold: PDFFont,
  ) {
    this.chars = new Set(font.getCharacterSet());
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  /** Characters the font cannot encode become '?' (Helvetica: outside WinAnsi), so a name never breaks the document. */
  safe(text: string) {
    return [...text].map((c) => (this.chars.has(c.codePointAt(0)!) ? c : '?')).join('');
  }
  line(cols: { text: string; x?: number; right?: number }[], o: { bold?: boolean; size?: number; gap?: number } = {}) {
    const size = o.size ?? 10;
    if (this.y < MARGIN + size * 2) this.newPage();
    const font = o.bold ? this.bold : this.font;
    for (const c of cols) {
      const text = this.safe(c.text);
      const x = c.right !== undefined ? c.right - font.widthOfTextAtSize(text, size) : (c.x ?? MARGIN);
      this.page.drawText(text, { x, y: this.y, size, font, color: rgb(0, 0, 0) });
    }
    this.y -= size + (o.gap ?? 5);
  }
  /** Text wrapped at word boundaries to the page width (from x), one line per row. */
  paragraph(text: string, o: { x?: number; size?: number } = {}) {
    const size = o.size ?? 10;
    const x = o.x ?? MARGIN;
    const width = A4[0] - MARGIN - x;
    let line = '';
    for (const word of this.safe(text).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && this.font.widthOfTextAtSize(next, size) > width) {
        this.line([{ text: line, x }], { size });
        line = word;
      } else line = next;
    }
    if (line) this.line([{ text: line, x }], { size });
  }
  space(h = 8) {
    this.y -= h;
  }
  rule() {
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 4 }, end: { x: A4[0] - MARGIN, y: this.y + 4 }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
    this.space(6);
  }
}

/** A writer with the embedded Unicode font (fonts.ts): every letter of a Sámi or other name prints as written. */
export async function unicodeWriter(doc: PDFDocument): Promise<Writer> {
  const { embedUnicodeFonts } = await import('./fonts.js');
  const { regular, bold } = await embedUnicodeFonts(doc);
  return new Writer(doc, regular, bold);
}
