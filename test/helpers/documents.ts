import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { and, asc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, documentPages } from '../../src/server/db/schema/index.js';
import { type Client, type TestApp, signIn } from './app.js';
import { assistanceWorld, bookingNow, signInWorld } from './assistance.js';
import { createUser } from './factories.js';

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

/** The handover suites' shared fixtures on the suite's app (`t` is read when called: it is set in beforeAll). */
export function handoverFixtures(t: () => TestApp) {
  const audits = (action: string, targetId: string) =>
    t().ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId))).orderBy(asc(auditEvents.id));
  const pagesStored = async (id: string) => (await t().ctx.db.select({ n: sql<number>`count(*)::int` }).from(documentPages).where(eq(documentPages.handoverId, id)))[0]!.n;

  async function world() {
    const w = await assistanceWorld(t().ctx.db);
    const s = await signInWorld(t().app, w);
    const agencyAdmin = await createUser(t().ctx.db, { organisationId: w.agency.id, role: 'agency-admin' });
    const booking = await bookingNow(t().ctx.db, w);
    return { w, s, booking, agencyAdminEmail: agencyAdmin.email, agencyAdmin: await signIn(t().app, agencyAdmin.email), otherExpert: await signIn(t().app, w.otherExpert.email) };
  }

  async function draft(advisor: Client, bookingId: string, extra: Record<string, unknown> = {}) {
    const res = await advisor.post('/api/documents', { bookingId, kind: 'application', coverNote: 'Hakemus ja kaksi liitettä', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string; status: string };
  }

  /** A sent handover of one PDF (2 pages) and one JPEG; returns the plaintexts. */
  async function sentHandover(advisor: Client, bookingId: string) {
    const h = await draft(advisor, bookingId);
    const pdf = await makePdf(2);
    const jpeg = jpegBytes();
    expect((await upload(advisor, h.id, pdf, 'application/pdf')).statusCode).toBe(201);
    expect((await upload(advisor, h.id, jpeg, 'image/jpeg', 'camera')).statusCode).toBe(201);
    const sent = await advisor.post(`/api/documents/${h.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    return { id: h.id, pdf, jpeg, pages: sent.json().pages as undefined };
  }

  return { audits, pagesStored, world, draft, sentHandover };
}
