import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { PNG_1PX, jpegBytes, makePdf } from '../../../../test/helpers/documents.js';
import { signInTime, timeWorld } from '../../../../test/helpers/time-reports.js';
import { auditEvents } from '../../db/schema/index.js';

describe.each(testDatabaseKinds)('cost claims on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  it('caps over the agreement’s whole validity: exactly at the cap is allowed, one cent over is refused with what is left', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await signInTime(t.app, w);
    const claim = (category: string, amountCents: number, date = '2026-01-10', c = s.manager) =>
      c.post('/api/cost-claims', { agreementId: w.agreement.id, category, amountCents, date, description: 'Esitteet ja julisteet' });

    const first = await claim('communication-materials', 60_000, '2025-10-01');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'pending', claimable: true, amountCents: 60_000, receipt: null });
    const atCap = await claim('communication-materials', 40_000, '2026-02-01');
    expect(atCap.statusCode).toBe(201);
    const over = await claim('communication-materials', 1);
    expect([over.statusCode, over.json().code, over.json().params]).toEqual([
      422,
      'cost_claim.over_cap',
      { category: 'communication-materials', capCents: '100000', usedCents: '100000', leftCents: '0' },
    ]);
    // A rejected claim frees its part of the cap.
    expect((await s.coordinator.post(`/api/cost-claims/${atCap.json().id}/reject`, { comment: 'Kuitti puuttuu' })).json()).toMatchObject({ status: 'rejected', comment: 'Kuitti puuttuu' });
    expect((await claim('communication-materials', 40_001)).json().params.leftCents).toBe('40000');
    expect((await claim('communication-materials', 40_000)).statusCode).toBe(201);

    expect((await claim('premises-rent', 170_000)).statusCode).toBe(201);
    expect((await claim('premises-rent', 1)).json().code).toBe('cost_claim.over_cap');
    expect((await claim('furniture', 999_999)).statusCode).toBe(201);
    expect((await claim('communication-materials', 100, '2024-12-31')).json().code).toBe('cost_claim.outside_agreement');

    // Premises works: VM records them; the city cannot claim them.
    expect((await claim('premises-works', 10_000)).statusCode).toBe(403);
    const works = await claim('premises-works', 250_000, '2026-01-10', s.admin);
    expect(works.json()).toMatchObject({ status: 'pending', claimable: false });
    expect((await claim('premises-works', 1, '2026-01-10', s.admin)).json().code).toBe('cost_claim.over_cap');

    // Only the agreement's point managers claim; others do not see the agreement.
    expect((await claim('other', 100, '2026-01-10', s.otherManager)).statusCode).toBe(404);
    expect((await claim('other', 100, '2026-01-10', s.advisor)).statusCode).toBe(404);
    expect((await s.manager.get(`/api/cost-claims?agreementId=${w.agreement.id}`)).json()).toHaveLength(6);
    expect((await s.otherManager.get('/api/cost-claims')).json()).toEqual([]);
    expect((await s.agencyAdmin.get(`/api/cost-claims?agreementId=${w.agreement.id}`)).statusCode).toBe(404);
  });

  it('two claims that fit the cap alone but not together, sent at once: one is recorded, the other refused', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await signInTime(t.app, w);
    const body = { agreementId: w.agreement.id, category: 'communication-materials', amountCents: 60_000, date: '2026-01-10', description: 'Esitteet' };
    const results = await Promise.all([s.manager.post('/api/cost-claims', body), s.manager.post('/api/cost-claims', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.statusCode === 422)!.json().params.leftCents).toBe('40000');
  });

  it('receipts are PDF, JPEG or PNG by their bytes; VM approves or rejects once; all audited without the descriptions', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await signInTime(t.app, w);
    const claim = (await s.manager.post('/api/cost-claims', { agreementId: w.agreement.id, category: 'other', amountCents: 12_345, date: '2026-01-10', description: 'Tulostinpaperi' })).json();
    const send = (bytes: Buffer, contentType = 'application/octet-stream', c = s.manager) =>
      c.request({ method: 'POST', url: `/api/cost-claims/${claim.id}/receipt`, payload: bytes, headers: { 'content-type': contentType } });
    const text = await send(Buffer.from('not a receipt at all'), 'application/pdf');
    expect([text.statusCode, text.json().code]).toEqual([422, 'cost_claim.receipt_type']);
    expect((await send(PNG_1PX)).json().receipt).toEqual({ mediaType: 'image/png', sizeBytes: PNG_1PX.length });
    expect((await send(jpegBytes())).json().receipt.mediaType).toBe('image/jpeg');
    const pdf = await makePdf(1, { label: 'Kuitti' });
    expect((await send(pdf, 'image/png')).json().receipt).toEqual({ mediaType: 'application/pdf', sizeBytes: pdf.length });
    expect((await send(pdf, 'application/pdf', s.otherManager)).statusCode).toBe(404);
    const downloaded = await s.admin.get(`/api/cost-claims/${claim.id}/receipt`);
    expect([downloaded.statusCode, downloaded.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(Buffer.compare(downloaded.rawPayload, pdf)).toBe(0);

    expect((await s.manager.post(`/api/cost-claims/${claim.id}/approve`)).statusCode).toBe(403);
    const approved = await s.admin.post(`/api/cost-claims/${claim.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    expect((await s.coordinator.post(`/api/cost-claims/${claim.id}/reject`)).json().code).toBe('cost_claim.decided');
    expect((await send(PNG_1PX)).json().code).toBe('cost_claim.decided');

    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, claim.id)).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['cost_claim.created', w.manager.id],
      ['cost_claim.receipt_attached', w.manager.id],
      ['cost_claim.receipt_attached', w.manager.id],
      ['cost_claim.receipt_attached', w.manager.id],
      ['cost_claim.approved', w.admin.id],
    ]);
    expect(audit[0]!.details).toEqual({ agreementId: w.agreement.id, category: 'other', amountCents: 12_345, date: '2026-01-10' });
    const all = await t.ctx.db.select().from(auditEvents).where(like(auditEvents.action, 'cost_claim.%')).orderBy(asc(auditEvents.id));
    expect(JSON.stringify(all.map((a) => a.details))).not.toContain('Tulostinpaperi');
  });
});
