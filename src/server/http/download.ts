import type { FastifyReply } from 'fastify';

/** Files the API hands out beside its JSON (reports and statistics as CSV, XLSX, PDF). */
export const DOWNLOAD_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type DownloadFormat = keyof typeof DOWNLOAD_TYPES;

const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quoted when needed (RFC 4180); a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Rows as a CSV document: UTF-8 with a BOM (so spreadsheets read ä and å), CRLF line ends. */
export const csvDocument = (rows: (string | number | null | undefined)[][]) => `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** Sends a file as an attachment that no cache keeps; the JSON serializer is bypassed. */
export function sendDownload(reply: FastifyReply, format: DownloadFormat, filename: string, body: string | Buffer) {
  return reply
    .type(DOWNLOAD_TYPES[format])
    .header('content-disposition', `attachment; filename="${filename}.${format}"`)
    .header('cache-control', 'private, no-store')
    .serializer((payload: unknown) => payload as string)
    .send(body as never);
}
