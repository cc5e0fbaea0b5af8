import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Client } from './app.js';

/** A real PDF of `pages` pages, each with its own text (optionally padded with an incompressible blob). */
export async function makePdf(pages: number, opts: { objectStreams?: boolean; padBytes?: number; label?: string } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${opts.label ?? 'Liite'} ${i}/${pages}`, { x: 50, y: 780, size: 18, font });
  }
  if (opts.padBytes) doc.attach(randomBytes(opts.padBytes), 'scan.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save({ useObjectStreams: opts.objectStreams ?? false }));
}

/** The smallest valid PNG (1×1 transparent pixel) and JPEG-signed bytes: the server checks signatures, not pixels. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const jpegBytes = (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 6), Buffer.from([0xff, 0xd9])]);

export function upload(client: Client, handoverId: string, bytes: Buffer, contentType = 'application/octet-stream', source?: 'upload' | 'camera'): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url: `/api/documents/${handoverId}/pages${source ? `?source=${source}` : ''}`,
    payload: bytes,
    headers: { 'content-type': contentType },
  });
}
