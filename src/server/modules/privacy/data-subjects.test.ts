import { and, asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { helsinki, privacyBooking, privacyWorld } from '../../../../test/helpers/privacy.js';
import { workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { auditEvents, bookings, documentHandovers } from '../../db/schema/index.js';

const MAIJA = { name: 'Maija Meikäläinen', phone: '040 123 4567', email: 'maija@example.com' };

describe.each(testDatabaseKinds)("data subjects' rights on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const audits = async (action: string, agencyId: string) =>
    t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.organisationId, agencyId))).orderBy(asc(auditEvents.id));

  async function world() {
    const w = await privacyWorld(t.ctx.db);
    const day = workingDayAhead(8);
    const bookerA = await signIn(t.app, w.staffA.booker.email);
    const bookerB = await signIn(t.app, w.staffB.booker.email);
    const a1 = (await bookerA.post('/api/bookings', privacyBooking(w, 'a', helsinki(day, '10:00'), MAIJA, { note: 'Toimeentulotuki' }))).json();
    const a2 = (await bookerA.post('/api/bookings', privacyBooking(w, 'a', helsinki(day, '11:00'), { name: 'Maija  MEIKÄLÄINEN' }))).json();
    const other = (await bookerA.post('/api/bookings', privacyBooking(w, 'a', helsinki(day, '12:00'), { name: 'Maija Meikäläinen-Korhonen', email: 'toinen@example.com' }))).json();
    // The same person is also Vero's customer: Vero is its own controller.
    const b1 = (await bookerB.post('/api/bookings', privacyBooking(w, 'b', helsinki(day, '13:00'), MAIJA))).json();
    const advisor = await signIn(t.app, w.advisor.email);
    const handover = await advisor.post('/api/documents', { walkIn: { servicePointId: w.point.id, agencyId: w.a.id, customerName: 'Maija Meikäläinen' }, kind: 'application', coverNote: 'Hakemus' });
    expect(handover.statusCode, handover.body).toBe(201);
    return { w, a1, a2, other, b1, handover: handover.json() as { id: string } };
  }

  it("finds the person's records in the admin's own agency only, by name, phone or e-mail, and audits the reason", async () => {
    const { w, a1, a2, b1, handover } = await world();
    const adminA = await signIn(t.app, w.staffA.admin.email);
    const search = (client: typeof adminA, agencyId: string, body: unknown) => client.post(`/api/agencies/${agencyId}/data-subjects/search`, body);

    const byName = await search(adminA, w.a.id, { person: { name: ' maija meikäläinen ' }, reason: 'Tietopyyntö 12/2026' });
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.headers['cache-control']).toContain('no-store');
    const found = byName.json();
    // Whole-name match: the namesake with a longer name is not hers; Vero's booking is not Kela's.
    expect(found.bookings.map((b: { id: string }) => b.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(found.bookings.find((b: { id: string }) => b.id === a1.id)).toMatchObject({ customer: { name: 'Maija Meikäläinen', phone: '+358401234567', email: 'maija@example.com' }, note: 'Toimeentulotuki', service: { fi: 'Palvelu' } });
    expect(found.documents).toEqual([expect.objectContaining({ id: handover.id, customerName: 'Maija Meikäläinen', coverNote: 'Hakemus' })]);
    expect((await search(adminA, w.a.id, { person: { phone: '+358 40 1234567' }, reason: 'Tietopyyntö' })).json().bookings).toEqual([expect.objectContaining({ id: a1.id })]);
    expect((await search(adminA, w.a.id, { person: { email: 'MAIJA@example.com' }, reason: 'Tietopyyntö' })).json().bookings).toEqual([expect.objectContaining({ id: a1.id })]);

    // Never across agencies: Kela's admin cannot look into Vero, nor Vero's admin into Kela; staff cannot search.
    const adminB = await signIn(t.app, w.staffB.admin.email);
    expect((await search(adminA, w.b.id, { person: { name: 'Maija Meikäläinen' }, reason: 'Kokeilu' })).statusCode).toBe(403);
    const vero = (await search(adminB, w.b.id, { person: { name: 'Maija Meikäläinen' }, reason: 'Pyyntö' })).json();
    expect(vero.bookings.map((b: { id: string }) => b.id)).toEqual([b1.id]);
    expect(vero.documents).toEqual([]);
    const expert = await signIn(t.app, w.staffA.expert.email);
    expect((await search(expert, w.a.id, { person: { name: 'Maija Meikäläinen' }, reason: 'Pyyntö' })).statusCode).toBe(403);

    // A reason is required; bad input is a clear 422 and leaves no audit row.
    const before = (await audits('data_subject.searched', w.a.id)).length;
    expect((await search(adminA, w.a.id, { person: { name: 'Maija Meikäläinen' } })).statusCode).toBe(422);
    expect((await search(adminA, w.a.id, { person: { name: 'Maija Meikäläinen' }, reason: ' ' })).statusCode).toBe(422);
    expect((await search(adminA, w.a.id, { person: {}, reason: 'Pyyntö' })).statusCode).toBe(422);
    expect((await search(adminA, w.a.id, { person: { name: 'Maija 131052-308T' }, reason: 'Pyyntö' })).json().code).toBe('personal_id_forbidden');
    expect(await audits('data_subject.searched', w.a.id)).toHaveLength(before);
    const searched = await audits('data_subject.searched', w.a.id);
    expect(searched[0]).toMatchObject({ actorId: w.staffA.admin.id, details: { reason: 'Tietopyyntö 12/2026', by: ['name'], bookings: 2, documents: 1 } });
    expect(JSON.stringify(searched)).not.toMatch(/Meikäläinen|358401234567|maija@/i);
  });

  it('exports the records as JSON and as a PDF in fi, sv and en, audited with the reason', async () => {
    const { w, a1 } = await world();
    const adminA = await signIn(t.app, w.staffA.admin.email);
    const json = await adminA.post(`/api/agencies/${w.a.id}/data-subjects/export`, { person: { email: 'maija@example.com' }, reason: 'Rekisteröidyn pyyntö', format: 'json' });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(json.json()).toMatchObject({ agencyId: w.a.id, agencyName: w.a.name, bookings: [expect.objectContaining({ id: a1.id, reference: a1.reference })], exportedAt: expect.any(String) });
    for (const language of ['fi', 'sv', 'en']) {
      const pdf = await adminA.post(`/api/agencies/${w.a.id}/data-subjects/export`, { person: { email: 'maija@example.com' }, reason: 'Pyyntö', format: 'pdf', language });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const doc = await PDFDocument.load(pdf.rawPayload);
      expect(doc.getTitle()).toBe({ fi: 'Rekisteröidyn tiedot', sv: 'Den registrerades uppgifter', en: "Data subject's records" }[language]);
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    }
    expect((await adminA.post(`/api/agencies/${w.b.id}/data-subjects/export`, { person: { email: 'maija@example.com' }, reason: 'Pyyntö' })).statusCode).toBe(403);
    const exported = await audits('data_subject.exported', w.a.id);
    expect(exported.map((e) => (e.details as { format: string }).format).sort()).toEqual(['json', 'pdf', 'pdf', 'pdf']);
    expect(exported[0]).toMatchObject({ details: { reason: 'Rekisteröidyn pyyntö', by: ['email'], bookings: 1 } });
  });

  it("erases the person's records at once in that agency only: data gone, future bookings cancelled, documents purged, statistics kept", async () => {
    const { w, a1, a2, other, b1, handover } = await world();
    const adminA = await signIn(t.app, w.staffA.admin.email);
    const adminB = await signIn(t.app, w.staffB.admin.email);
    expect((await adminB.post(`/api/agencies/${w.a.id}/data-subjects/erase`, { person: { name: 'Maija Meikäläinen' }, reason: 'Poisto' })).statusCode).toBe(403);
    expect((await adminA.post(`/api/agencies/${w.a.id}/data-subjects/erase`, { person: { name: 'Maija Meikäläinen' } })).statusCode).toBe(422);

    const erased = await adminA.post(`/api/agencies/${w.a.id}/data-subjects/erase`, { person: { name: 'Maija Meikäläinen' }, reason: 'Poistopyyntö 3.12.2026' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toEqual({ bookings: 2, walkIns: 0, documents: 1, cancelled: 2 });
    for (const id of [a1.id, a2.id]) {
      const [row] = await t.ctx.db.select().from(bookings).where(eq(bookings.id, id));
      expect(row).toMatchObject({ customerName: null, customerPhone: null, customerEmail: null, note: null, status: 'cancelled', agencyId: w.a.id, serviceId: w.serviceA.id, customerDataRemovedAt: expect.any(Date) });
    }
    const [doc] = await t.ctx.db.select().from(documentHandovers).where(eq(documentHandovers.id, handover.id));
    expect(doc).toMatchObject({ status: 'purged', purgeReason: 'erasure', customerName: null, coverNote: null });
    // The namesake and Vero's record of the same person stay.
    expect((await t.ctx.db.select().from(bookings).where(eq(bookings.id, other.id)))[0]!.customerName).toBe('Maija Meikäläinen-Korhonen');
    expect((await t.ctx.db.select().from(bookings).where(eq(bookings.id, b1.id)))[0]!.customerName).toBe('Maija Meikäläinen');
    expect((await adminA.post(`/api/agencies/${w.a.id}/data-subjects/search`, { person: { name: 'Maija Meikäläinen' }, reason: 'Tarkistus' })).json()).toMatchObject({ bookings: [], documents: [] });

    const [event] = await audits('data_subject.erased', w.a.id);
    expect(event).toMatchObject({ actorId: w.staffA.admin.id, details: { reason: 'Poistopyyntö 3.12.2026', by: ['name'], documents: [handover.id], cancelled: expect.arrayContaining([a1.id, a2.id]) } });
    expect(JSON.stringify(event)).not.toMatch(/Meikäläinen/);
    expect(await audits('document.purged', w.a.id)).toEqual([expect.objectContaining({ targetId: handover.id, details: expect.objectContaining({ reason: 'erasure' }) })]);
  });

  it('keeps a record of processing per agency: staff read it, the admin writes it, enforced facts come from the configuration', async () => {
    const w = await privacyWorld(t.ctx.db);
    const adminA = await signIn(t.app, w.staffA.admin.email);
    const expertA = await signIn(t.app, w.staffA.expert.email);
    const adminB = await signIn(t.app, w.staffB.admin.email);
    const url = `/api/agencies/${w.a.id}/processing-record`;
    const empty = (await expertA.get(url)).json();
    expect(empty).toMatchObject({ agencyId: w.a.id, purposes: '', retentionDays: null, canEdit: false, enforced: { customerDataRetentionDays: t.ctx.config.customerDataRetentionDays, documentRetentionDays: t.ctx.config.documentRetentionDays, meetingsRecorded: false } });
    const body = { purposes: 'Etäpalvelun ajanvaraus', dataCategories: 'Nimi, puhelin, sähköposti', recipients: 'Ei luovutuksia', controllerContact: 'tietosuoja@kela.example', retentionDays: 14 };
    expect((await expertA.put(url, body)).statusCode).toBe(403);
    expect((await adminB.get(url)).statusCode).toBe(403);
    expect((await adminB.put(url, body)).statusCode).toBe(403);
    expect((await adminA.put(url, { ...body, retentionDays: 0 })).statusCode).toBe(422);
    expect((await adminA.put(url, { ...body, purposes: 'x'.repeat(4001) })).statusCode).toBe(422);
    const saved = await adminA.put(url, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...body, canEdit: true, enforced: { customerDataRetentionDays: 14, defaultRetentionDays: t.ctx.config.customerDataRetentionDays } });
    expect((await expertA.get(url)).json()).toMatchObject({ purposes: body.purposes, canEdit: false, enforced: { customerDataRetentionDays: 14 } });
    expect(await audits('processing_record.updated', w.a.id)).toEqual([
      expect.objectContaining({ actorId: w.staffA.admin.id, details: { changed: ['purposes', 'dataCategories', 'recipients', 'controllerContact', 'retentionDays'], retentionDays: 14, previousRetentionDays: null } }),
    ]);
    expect((await adminA.get(`/api/agencies/${w.contractor.id}/processing-record`)).statusCode).toBe(403);
  });
});
