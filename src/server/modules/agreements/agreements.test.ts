import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementBody, agreementWorld, helsinkiToday } from '../../../../test/helpers/agreements.js';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { makePdf } from '../../../../test/helpers/documents.js';
import { startTestSmtp } from '../../../../test/helpers/messaging.js';
import { auditEvents } from '../../db/schema/index.js';
import { remindOverdueDuties } from './remind-duties.js';

describe.each(testDatabaseKinds)('agreements on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  const audited = async (id: string) =>
    (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetType, 'agreement'), eq(auditEvents.targetId, id))).orderBy(asc(auditEvents.id))).map((e) => [e.action, e.actorId]);

  it('the main admin records an agreement; amendments add versions and keep the earlier ones readable; all audited', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const created = await admin.post('/api/agreements', agreementBody(w, { validUntil: '2027-12-31' }));
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ version: 1, state: 'in-force', validFrom: '2026-01-15', validUntil: '2027-12-31', hourlyRateCents: 4200, hasDocument: false });
    expect(a.parties).toEqual([
      { organisationId: w.a.id, role: 'principal', tasks: ['identity-verification', 'booking', 'document-reception'], endedAt: null, endReason: null },
      { organisationId: w.b.id, role: 'principal', tasks: ['identity-verification', 'booking', 'document-reception'], endedAt: null, endReason: null },
      { organisationId: w.ministry.id, role: 'payer', tasks: [], endedAt: null, endReason: null },
    ]);

    const terms = { ...a.versions[0].terms, principals: [{ organisationId: w.a.id, tasks: ['booking', 'identity-verification'] }, a.versions[0].terms.principals[1]], hourlyRateCents: 4500 };
    const amended = await admin.post(`/api/agreements/${a.id}/amendments`, { effectiveFrom: '2026-06-01', description: 'Kela ei enää vastaanota asiakirjoja', terms });
    expect(amended.statusCode).toBe(201);
    const v2 = amended.json();
    expect(v2.version).toBe(2);
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(v2.versions[1].terms.hourlyRateCents).toBe(4200);
    expect(v2.versions[0]).toMatchObject({ effectiveFrom: '2026-06-01', description: 'Kela ei enää vastaanota asiakirjoja', createdBy: { id: w.admin.id } });
    expect(v2.parties[0].tasks).toEqual(['identity-verification', 'booking']);
    expect(v2.history[0]).toMatchObject({ action: 'agreement.amended', by: { id: w.admin.id }, details: { version: 2, fields: ['hourlyRateCents', 'principals'], tasksRemoved: [{ organisationId: w.a.id, task: 'document-reception' }] } });

    const backdated = await admin.post(`/api/agreements/${a.id}/amendments`, { effectiveFrom: '2026-05-31', description: 'x', terms });
    expect(backdated.json().code).toBe('agreement.amendment_backdated');
    const other = await admin.post('/api/agreements', agreementBody(w, { principals: [{ organisationId: w.contractor.id, tasks: [] }] }));
    expect([other.statusCode, other.json().code]).toEqual([422, 'agreement.party_kind']);
    const foreignPoint = (await admin.post('/api/agreements', agreementBody(w, { servicePointIds: [w.point.id, (await import('node:crypto')).randomUUID()] }))).json();
    expect(foreignPoint.code).toBe('agreement.point_not_of_contractor');
    const reversed = await admin.post('/api/agreements', agreementBody(w, { validFrom: '2026-03-01', validUntil: '2026-02-01' }));
    expect(reversed.statusCode).toBe(422);
    const contractor = await admin.post(`/api/agreements/${a.id}/amendments`, { effectiveFrom: '2026-07-01', description: 'x', terms: { ...terms, contractorId: w.ministry.id } });
    expect(contractor.statusCode).toBe(422);
    expect(await audited(a.id)).toEqual([
      ['agreement.created', w.admin.id],
      ['agreement.amended', w.admin.id],
    ]);
  });

  it('reads are scoped: VM and auditors all, agency admins and point managers theirs, nobody else writes', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const id = (await admin.post('/api/agreements', agreementBody(w, { principals: [{ organisationId: w.a.id, tasks: ['booking'] }] }))).json().id;
    const ids = async (email: string) => ((await (await signIn(t.app, email)).get('/api/agreements')).json() as { id: string }[]).map((x) => x.id);
    for (const who of [w.coordinator, w.auditor, w.adminA, w.manager]) expect(await ids(who.email)).toContain(id);
    for (const who of [w.adminOutsider, w.otherManager, w.expertA, w.advisor]) expect(await ids(who.email)).not.toContain(id);
    expect((await (await signIn(t.app, w.adminOutsider.email)).get(`/api/agreements/${id}`)).statusCode).toBe(404);
    expect((await (await signIn(t.app, w.manager.email)).get(`/api/agreements/${id}`)).statusCode).toBe(200);
    for (const who of [w.coordinator, w.adminA, w.manager, w.advisor]) {
      const c = await signIn(t.app, who.email);
      expect((await c.post('/api/agreements', agreementBody(w))).statusCode).toBe(403);
      expect((await c.post(`/api/agreements/${id}/terminations`, { terminatingOrganisationId: w.contractor.id, neglectingOrganisationId: w.a.id, reason: 'x' })).statusCode).toBe(403);
    }
  });

  it('terminating ends only the relation of the two; the agreement is terminated when no principal is left', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const id = (await admin.post('/api/agreements', agreementBody(w))).json().id;
    const bad = await admin.post(`/api/agreements/${id}/terminations`, { terminatingOrganisationId: w.a.id, neglectingOrganisationId: w.b.id, reason: 'x' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'agreement.termination_invalid']);
    const first = await admin.post(`/api/agreements/${id}/terminations`, { terminatingOrganisationId: w.a.id, neglectingOrganisationId: w.contractor.id, reason: 'Toistuva laiminlyönti' });
    expect(first.statusCode).toBe(201);
    const after = first.json();
    expect(after.state).toBe('in-force');
    expect(after.parties.find((p: { organisationId: string }) => p.organisationId === w.a.id)).toMatchObject({ endReason: 'Toistuva laiminlyönti', endedAt: expect.any(String) });
    expect(after.parties.find((p: { organisationId: string }) => p.organisationId === w.b.id).endedAt).toBeNull();
    expect(after.terminations[0]).toMatchObject({ terminatingOrganisationId: w.a.id, neglectingOrganisationId: w.contractor.id, endedOrganisationId: w.a.id, recordedBy: { id: w.admin.id } });
    expect(after.duties.some((d: { trigger: string; kind: string }) => d.trigger === 'ended' && d.kind === 'register-notification')).toBe(true);
    const again = await admin.post(`/api/agreements/${id}/terminations`, { terminatingOrganisationId: w.contractor.id, neglectingOrganisationId: w.a.id, reason: 'x' });
    expect(again.statusCode).toBe(422);
    const last = await admin.post(`/api/agreements/${id}/terminations`, { terminatingOrganisationId: w.contractor.id, neglectingOrganisationId: w.b.id, reason: 'Laiminlyönti' });
    expect(last.json().state).toBe('terminated');
    expect((await audited(id)).map(([action]) => action)).toEqual(['agreement.created', 'agreement.terminated', 'agreement.terminated']);
  });

  it('registration duties are due a month after making and changing, done once, overdue flagged and e-mailed once', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const created = (await admin.post('/api/agreements', agreementBody(w, { signedOn: '2026-01-31', validUntil: '2027-12-31' }))).json();
    const made = created.duties.filter((d: { trigger: string }) => d.trigger === 'made');
    expect(made.map((d: { kind: string; dueOn: string }) => [d.kind, d.dueOn])).toEqual([
      ['avi-registration', '2026-02-28'],
      ['register-notification', '2026-02-28'],
    ]);
    // The end's notification arises when the agreement ends, not when it is recorded.
    expect(created.duties.find((d: { trigger: string }) => d.trigger === 'ended')).toBeUndefined();
    expect(created.overdueDuties).toBe(2);
    expect(made.every((d: { overdue: boolean }) => d.overdue)).toBe(true);

    const smtp = await startTestSmtp();
    t.ctx.config.smtpUrl = smtp.url;
    try {
      expect(await remindOverdueDuties(t.ctx)).toBeGreaterThanOrEqual(2);
      // Main admins hear of every agreement (other tests' too); this one's mail comes once.
      const aboutThis = (email: string) => smtp.to(email).filter((m) => m.parsed.text?.includes(`/admin/agreements/${created.id}`));
      expect(aboutThis(w.admin.email)).toHaveLength(1);
      expect(aboutThis(w.manager.email)).toHaveLength(1);
      expect(smtp.to(w.otherManager.email)).toEqual([]);
      await remindOverdueDuties(t.ctx);
      expect(aboutThis(w.admin.email)).toHaveLength(1);
    } finally {
      t.ctx.config.smtpUrl = undefined;
      await smtp.close();
    }

    const done = await admin.post(`/api/agreements/${created.id}/duties/${made[0].id}/completion`, { doneOn: '2026-02-10' });
    expect(done.statusCode).toBe(200);
    expect(done.json().duties.find((d: { id: string }) => d.id === made[0].id)).toMatchObject({ doneOn: '2026-02-10', overdue: false, doneBy: { id: w.admin.id } });
    expect(done.json().overdueDuties).toBe(1);
    expect((await admin.post(`/api/agreements/${created.id}/duties/${made[0].id}/completion`, { doneOn: '2026-02-11' })).json().code).toBe('agreement.duty_done');
    const amended = await admin.post(`/api/agreements/${created.id}/amendments`, { effectiveFrom: helsinkiToday(), description: 'Jatko', terms: { ...created.versions[0].terms, validUntil: '2028-06-30' } });
    expect(amended.json().duties.filter((d: { trigger: string }) => d.trigger === 'amended')).toHaveLength(2);

    // An agreement that ended by itself (the pilot, 27.2.2026) gets its end notification at the next sweep.
    const pilot = (await admin.post('/api/agreements', agreementBody(w, { signedOn: '2025-08-28', validFrom: '2025-09-01', validUntil: '2026-02-27' }))).json();
    expect(pilot.state).toBe('ended');
    await remindOverdueDuties(t.ctx);
    const ended = (await admin.get(`/api/agreements/${pilot.id}`)).json().duties.find((d: { trigger: string }) => d.trigger === 'ended');
    expect(ended).toMatchObject({ kind: 'register-notification', dueOn: '2026-03-27', overdue: true });
  });

  it('the signed agreement is attached as a PDF and read back by those who may read the agreement', async () => {
    const w = await agreementWorld(t.ctx.db);
    const admin = await signIn(t.app, w.admin.email);
    const id = (await admin.post('/api/agreements', agreementBody(w))).json().id;
    const pdf = await makePdf(2);
    const put = await admin.request({ method: 'PUT', url: `/api/agreements/${id}/document?filename=sopimus.pdf`, payload: pdf, headers: { 'content-type': 'application/pdf' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ hasDocument: true, document: { filename: 'sopimus.pdf', sizeBytes: pdf.length } });
    const notPdf = await admin.request({ method: 'PUT', url: `/api/agreements/${id}/document`, payload: Buffer.from('hello'), headers: { 'content-type': 'application/pdf' } });
    expect(notPdf.json().code).toBe('agreement.document_not_pdf');
    const read = await (await signIn(t.app, w.adminA.email)).get(`/api/agreements/${id}/document`);
    expect([read.statusCode, read.headers['content-type'], read.rawPayload.equals(pdf)]).toEqual([200, 'application/pdf', true]);
    expect((await (await signIn(t.app, w.adminOutsider.email)).get(`/api/agreements/${id}/document`)).statusCode).toBe(403);
    expect((await audited(id)).map(([action]) => action)).toEqual(['agreement.created', 'agreement.document_attached']);
  });
});
