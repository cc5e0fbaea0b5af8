import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { pairTerminal } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { PNG_1PX, handoverFixtures, jpegBytes, makePdf, upload } from '../../../../test/helpers/documents.js';
import { type Message, connect, wsUrl } from '../../../../test/helpers/sockets.js';
import { auditEvents, bookings, documentHandovers, documentPages } from '../../db/schema/index.js';
import { purgeDue, warnDue } from './purge.js';

const DAY = 24 * 3600_000;

describe.each(testDatabaseKinds)('document handover on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000, documentMaxFileBytes: 256 * 1024, documentMaxPages: 8 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const { audits, pagesStored, world, draft, sentHandover } = handoverFixtures(() => t);

  it('encrypts each page at rest and decrypts it for the agency only; the advisor loses access when it is sent', async () => {
    const { w, s, booking, otherExpert } = await world();
    const h = await draft(s.advisor, booking.id);
    expect(h.status).toBe('draft');

    const pdf = await makePdf(3);
    const png = PNG_1PX;
    const jpeg = jpegBytes(4096);
    const a = await upload(s.advisor, h.id, pdf, 'application/pdf');
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().page).toMatchObject({ position: 1, mediaType: 'application/pdf', pageCount: 3, byteSize: pdf.length, source: 'upload' });
    // The declared type is not trusted: a PNG sent as octet-stream is recognised by its signature.
    const b = await upload(s.advisor, h.id, png);
    expect(b.json().page).toMatchObject({ position: 2, mediaType: 'image/png', pageCount: 1 });
    const c = await upload(s.advisor, h.id, jpeg, 'image/jpeg', 'camera');
    expect(c.json().page).toMatchObject({ position: 3, mediaType: 'image/jpeg', source: 'camera' });
    expect(c.json().handover).toMatchObject({ pageCount: 5, fileCount: 3 });

    // Stored bytes are ciphertext: no plaintext fragment, and longer by the IV and tag.
    const rows = await t.ctx.db.select().from(documentPages).where(eq(documentPages.handoverId, h.id));
    const pdfRow = rows.find((r) => r.position === 1)!;
    expect(pdfRow.ciphertext.length).toBe(pdf.length + 28);
    expect(pdfRow.ciphertext.includes(Buffer.from('%PDF-'))).toBe(false);
    expect(pdfRow.ciphertext.includes(pdf.subarray(200, 232))).toBe(false);

    // Reorder (camera still first) and drop the PNG.
    const pageIds = [c.json().page.id, a.json().page.id, b.json().page.id];
    const ordered = await s.advisor.put(`/api/documents/${h.id}/pages/order`, { pageIds });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().pages.map((p: { id: string }) => p.id)).toEqual(pageIds);
    expect((await s.advisor.put(`/api/documents/${h.id}/pages/order`, { pageIds: pageIds.slice(1) })).json().code).toBe('document.page_order');
    const dropped = await s.advisor.request({ method: 'DELETE', url: `/api/documents/${h.id}/pages/${b.json().page.id}` });
    expect(dropped.json()).toMatchObject({ pageCount: 4, fileCount: 2 });
    expect(dropped.json().pages.map((p: { id: string; position: number }) => [p.id, p.position])).toEqual([
      [c.json().page.id, 1],
      [a.json().page.id, 2],
    ]);

    // The advisor previews the draft; the agency does not see drafts at all.
    const preview = await s.advisor.get(`/api/documents/${h.id}/pages/${a.json().page.id}/content`);
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.equals(pdf)).toBe(true);
    expect((await s.expert.get(`/api/documents/${h.id}`)).statusCode).toBe(404);
    expect((await s.expert.get(`/api/documents/${h.id}/pages/${a.json().page.id}/content`)).statusCode).toBe(404);

    const sent = await s.advisor.post(`/api/documents/${h.id}/send`);
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect(sent.json().pages).toBeUndefined();
    expect(sent.json().coverNote).toBeNull();
    // After sending: the advisor may not read the content, nor change the handover.
    const denied = await s.advisor.get(`/api/documents/${h.id}/pages/${a.json().page.id}/content`);
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'document.sent']);
    expect((await upload(s.advisor, h.id, jpeg, 'image/jpeg')).json().code).toBe('document.not_draft');

    // The agency's expert reads and downloads it.
    const inbox = await s.expert.get(`/api/documents?agencyId=${w.agency.id}`);
    expect(inbox.json().handovers).toEqual([expect.objectContaining({ id: h.id, customerName: 'Maija Meikäläinen', coverNote: 'Hakemus ja kaksi liitettä', pageCount: 4 })]);
    const view = await s.expert.get(`/api/documents/${h.id}/pages/${a.json().page.id}/content`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('application/pdf');
    expect(view.headers['content-disposition']).toBe(`inline; filename="${h.reference}-2.pdf"`);
    expect(view.headers['cache-control']).toBe('private, no-store');
    expect(view.rawPayload.equals(pdf)).toBe(true);
    const download = await s.expert.get(`/api/documents/${h.id}/pages/${c.json().page.id}/content?download=1`);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${h.reference}-1.jpg"`);
    expect(download.rawPayload.equals(jpeg)).toBe(true);

    // Another agency: nothing exists. Coordinator and main admin: metadata only.
    expect((await otherExpert.get(`/api/documents/${h.id}`)).statusCode).toBe(404);
    expect((await otherExpert.get(`/api/documents/${h.id}/pages/${a.json().page.id}/content`)).statusCode).toBe(404);
    expect((await otherExpert.get(`/api/documents?agencyId=${w.agency.id}`)).statusCode).toBe(403);
    for (const staff of [s.coordinator, s.admin]) {
      const meta = await staff.get(`/api/documents/${h.id}`);
      expect(meta.statusCode).toBe(200);
      expect(meta.json()).toMatchObject({ id: h.id, status: 'sent', pageCount: 4 });
      expect(meta.json()).not.toHaveProperty('customerName');
      expect(meta.json()).not.toHaveProperty('pages');
      expect((await staff.get(`/api/documents/${h.id}/pages/${a.json().page.id}/content`)).statusCode).toBe(403);
    }

    expect(await audits('document.page_added', h.id)).toHaveLength(3);
    expect(await audits('document.viewed', h.id)).toHaveLength(2);
    expect(await audits('document.downloaded', h.id)).toHaveLength(1);
    expect(await audits('document.sent', h.id)).toHaveLength(1);
  });

  it('detects tampering and ciphertext moved between pages', async () => {
    const { s, booking } = await world();
    const h = await sentHandover(s.advisor, booking.id);
    const rows = await t.ctx.db.select().from(documentPages).where(eq(documentPages.handoverId, h.id));
    const [first, second] = [rows.find((r) => r.position === 1)!, rows.find((r) => r.position === 2)!];
    const flipped = Buffer.from(first.ciphertext);
    flipped[flipped.length - 1]! ^= 0x01;
    await t.ctx.db.update(documentPages).set({ ciphertext: flipped }).where(eq(documentPages.id, first.id));
    const tampered = await s.expert.get(`/api/documents/${h.id}/pages/${first.id}/content`);
    expect([tampered.statusCode, tampered.json().code]).toEqual([500, 'document.integrity']);
    // A valid ciphertext of another page does not open in this page's place either.
    await t.ctx.db.update(documentPages).set({ ciphertext: second.ciphertext }).where(eq(documentPages.id, first.id));
    expect((await s.expert.get(`/api/documents/${h.id}/pages/${first.id}/content`)).json().code).toBe('document.integrity');
    expect(await audits('document.integrity_failed', h.id)).toHaveLength(2);
    // The untouched page still opens.
    expect((await s.expert.get(`/api/documents/${h.id}/pages/${second.id}/content`)).rawPayload.equals(h.jpeg)).toBe(true);
  });

  it('refuses bad files with a 422 problem and stores nothing', async () => {
    const { s, booking } = await world();
    const h = await draft(s.advisor, booking.id);
    const cases: [Buffer, string][] = [
      [Buffer.from('GIF89a not accepted here'), 'document.file_type'],
      [Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300 * 1024)]), 'document.too_large'],
      [await makePdf(9), 'document.too_many_pages'],
      [Buffer.from('%PDF-1.4\n garbage without pages'), 'document.pdf_unreadable'],
      [Buffer.alloc(0), 'document.empty'],
    ];
    for (const [bytes, code] of cases) {
      const res = await upload(s.advisor, h.id, bytes, 'application/pdf');
      expect([res.statusCode, String(res.headers['content-type']).split(';')[0], res.json().code], code).toEqual([422, 'application/problem+json', code]);
    }
    // A PDF whose page objects sit in compressed object streams is counted by parsing it.
    const compressed = await makePdf(7, { objectStreams: true });
    expect(compressed.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)).toBeNull();
    expect((await upload(s.advisor, h.id, compressed, 'application/pdf')).json().page.pageCount).toBe(7);
    // Seven pages held: two more are over the limit of eight.
    expect((await upload(s.advisor, h.id, await makePdf(2), 'application/pdf')).json().code).toBe('document.too_many_pages');
    expect(await pagesStored(h.id)).toBe(1);
    expect((await s.advisor.get(`/api/documents/${h.id}`)).json()).toMatchObject({ pageCount: 7, fileCount: 1 });
    // A henkilötunnus in the cover note is refused.
    const hetu = await s.advisor.post('/api/documents', { bookingId: booking.id, kind: 'letter', coverNote: 'Asiakas 131052-308T' });
    expect([hetu.statusCode, hetu.json().code]).toEqual([422, 'personal_id_forbidden']);
    // Sending needs a page.
    const empty = await draft(s.advisor, booking.id);
    expect((await s.advisor.post(`/api/documents/${empty.id}/send`)).json().code).toBe('document.no_pages');
  });

  it('an acknowledgement purges the content and keeps the record', async () => {
    const { w, s, booking } = await world();
    const h = await sentHandover(s.advisor, booking.id);
    const ack = await s.expert.post(`/api/documents/${h.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'purged', purgeReason: 'acknowledged', acknowledgedAt: expect.any(String), sentAt: expect.any(String), pageCount: 3, fileCount: 2, customerName: null, coverNote: null });
    expect(ack.json()).not.toHaveProperty('pages');
    expect(await pagesStored(h.id)).toBe(0);
    const [row] = await t.ctx.db.select().from(documentHandovers).where(eq(documentHandovers.id, h.id));
    expect(row).toMatchObject({ status: 'purged', wrappedDataKey: null, coverNote: null, registeredBy: w.advisor.id, agencyId: w.agency.id, kind: 'application', pageCount: 3 });
    const gone = await s.expert.get(`/api/documents/${h.id}/pages/${randomUUID()}/content`);
    expect(gone.statusCode).toBe(410);
    expect(await audits('document.acknowledged', h.id)).toHaveLength(1);
    expect(await audits('document.purged', h.id)).toEqual([expect.objectContaining({ actorType: 'system', details: expect.objectContaining({ reason: 'acknowledged', pages: 3, delivered: true, acknowledged: true }) })]);
    // Acknowledging again answers the record as it is.
    expect((await s.expert.post(`/api/documents/${h.id}/acknowledge`)).json().status).toBe('purged');
    // The advisor's list still shows the handover, and the receipt still tells what was delivered.
    const list = await s.advisor.get(`/api/documents?servicePointId=${w.point.id}&status=purged`);
    expect(list.json().handovers.map((x: { id: string }) => x.id)).toContain(h.id);
    expect((await s.advisor.get(`/api/documents/${h.id}/receipt`)).json()).toMatchObject({ status: 'purged', pageCount: 3 });
  });

  it('unacknowledged content is purged when the retention ends, after a warning to the agency admins', async () => {
    const { w, s, booking, agencyAdmin } = await world();
    const h = await sentHandover(s.advisor, booking.id);
    const unsent = await draft(s.advisor, booking.id);
    expect((await upload(s.advisor, unsent.id, PNG_1PX, 'image/png')).statusCode).toBe(201);
    const [row] = await t.ctx.db.select().from(documentHandovers).where(eq(documentHandovers.id, h.id));
    expect(row!.purgeAt.getTime() - row!.createdAt.getTime()).toBe(14 * DAY);

    const notice = () => agencyAdmin.get(`/api/agencies/${w.agency.id}/document-retention`);
    expect((await notice()).json()).toMatchObject({ expiringSoon: 0, warnDays: 2, retentionDays: 14 });
    const warned = await warnDue(t.ctx, new Date(Date.now() + 12.5 * DAY));
    expect(warned.get(w.agency.id)).toBeGreaterThanOrEqual(1);
    expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'document.retention_warning'), eq(auditEvents.organisationId, w.agency.id))).orderBy(asc(auditEvents.id))).toHaveLength(1);
    // Warned once only.
    expect((await warnDue(t.ctx, new Date(Date.now() + 12.5 * DAY))).get(w.agency.id)).toBeUndefined();

    expect(await purgeDue(t.ctx, new Date(Date.now() + 13 * DAY))).toBe(0);
    expect(await purgeDue(t.ctx, new Date(Date.now() + 14 * DAY + 60_000))).toBeGreaterThanOrEqual(2);
    for (const id of [h.id, unsent.id]) expect(await pagesStored(id)).toBe(0);
    const after = await s.expert.get(`/api/documents/${h.id}`);
    expect(after.json()).toMatchObject({ status: 'purged', purgeReason: 'retention', acknowledgedAt: null, pageCount: 3 });
    // The never-sent draft is purged too; its record says it was not delivered.
    expect((await audits('document.purged', unsent.id))[0]!.details).toMatchObject({ reason: 'retention', delivered: false });
  });

  it('the terminal adds document-camera stills to the booking being served in its room', async () => {
    const { w, s, booking } = await world();
    const terminal = await pairTerminal(t.app, s.admin, w.room.id);
    const post = (bytes: Buffer, contentType = 'image/jpeg') =>
      t.app.inject({ method: 'POST', url: '/api/terminal/documents/pages', payload: bytes, headers: { authorization: `Bearer ${terminal.token}`, 'content-type': contentType } });
    const first = await post(jpegBytes());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().handover).toMatchObject({ bookingId: booking.id, agencyId: w.agency.id, source: 'terminal', status: 'sent', pageCount: 1 });
    const second = await post(PNG_1PX, 'image/png');
    expect(second.json().handover).toMatchObject({ id: first.json().handover.id, pageCount: 2 });
    expect(second.json().page).toMatchObject({ position: 2, source: 'terminal' });
    expect((await post(await makePdf(1), 'application/pdf')).json().code).toBe('document.file_type');
    // The expert reads it; the advisor never could.
    const id = first.json().handover.id as string;
    expect((await s.expert.get(`/api/documents/${id}`)).json().pages).toHaveLength(2);
    expect((await s.advisor.get(`/api/documents/${id}/pages/${first.json().page.id}/content`)).statusCode).toBe(403);
    // Once acknowledged, a further still opens a new handover; with nobody in the room there is nothing to add to.
    await s.expert.post(`/api/documents/${id}/acknowledge`);
    expect((await post(jpegBytes())).json().handover.id).not.toBe(id);
    await t.ctx.db.update(bookings).set({ status: 'completed' }).where(eq(bookings.id, booking.id));
    expect((await post(jpegBytes())).json().code).toBe('document.no_meeting');
    // Sessions are not terminals.
    expect((await upload(s.advisor, id, jpegBytes())).statusCode).toBe(409);
  });

  it('a walk-in handover and its receipt: page, PDF, no content', async () => {
    const { w, s } = await world();
    const created = await s.advisor.post('/api/documents', { walkIn: { servicePointId: w.point.id, agencyId: w.agency.id, customerName: 'Åsa Öhman' }, kind: 'certificate', language: 'sv' });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json() as { id: string; reference: string };
    expect((await s.advisor.get(`/api/documents/${h.id}/receipt`)).json().code).toBe('document.not_sent');
    expect((await (await signIn(t.app, w.elsewhere.email)).get(`/api/documents/${h.id}`)).statusCode).toBe(404);
    await upload(s.advisor, h.id, await makePdf(4), 'application/pdf');
    await s.advisor.post(`/api/documents/${h.id}/send`);
    const receipt = await s.advisor.get(`/api/documents/${h.id}/receipt`);
    expect(receipt.json()).toMatchObject({ reference: h.reference, customerName: 'Åsa Öhman', kind: 'certificate', pageCount: 4, language: 'sv', agency: { sv: w.agency.name.sv } });
    const pdf = await s.advisor.get(`/api/documents/${h.id}/receipt.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const parsed = await PDFDocument.load(pdf.rawPayload);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getTitle()).toBe(`Kvitto på mottagna handlingar ${h.reference}`);
    // No e-mail without SMTP, and none without an address.
    expect((await s.advisor.post(`/api/documents/${h.id}/receipt/email`, {})).json().code).toBe('document.email_missing');
    expect((await s.advisor.post(`/api/documents/${h.id}/receipt/email`, { email: 'asa@example.com' })).json().code).toBe('document.email_unavailable');
  });

  it('tells open inboxes and desks that a handover changed, and no other agency', async () => {
    const { w, s, booking, otherExpert } = await world();
    const isDoc = (m: Message) => (m.event as { type?: string } | undefined)?.type === 'document.changed';
    const socket = async (cookie: string, scope: Record<string, string>) => {
      const ws = await connect(wsUrl(t.app), { cookie });
      await ws.subscribe(scope);
      return ws;
    };
    const inbox = await socket(s.expert.cookie, { agencyId: w.agency.id });
    const desk = await socket(s.advisor.cookie, { servicePointId: w.point.id });
    const other = await socket(otherExpert.cookie, {});
    try {
      const h = await sentHandover(s.advisor, booking.id);
      expect(await inbox.next(isDoc)).toEqual({ event: { type: 'document.changed', id: h.id, servicePointId: w.point.id, agencyId: w.agency.id, at: expect.any(String) } });
      expect((await desk.next(isDoc)).event).toMatchObject({ id: h.id });
      // The other agency's expert hears nothing of it (a ping round trip proves the socket is alive and empty).
      other.send({ ping: 1 });
      await other.next((m) => 'pong' in m);
      expect(other.received.filter(isDoc)).toEqual([]);
    } finally {
      for (const ws of [inbox, desk, other]) ws.close();
    }
  });

});
