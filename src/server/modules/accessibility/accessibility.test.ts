import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createOrganisation, createUser } from '../../../../test/helpers/factories.js';
import { startTestSmtp } from '../../../../test/helpers/messaging.js';
import type { StatementContent } from '../../../shared/accessibility.js';
import { accessibilityFeedback, accessibilityStatements, auditEvents } from '../../db/schema/index.js';
import { startJobs } from '../../jobs/boss.js';
import { receiveFeedback } from './receive-feedback.js';
import { remindFeedback } from './remind-feedback.js';

const DAY = 86_400_000;
let address = 0;
/** Each test sends from its own client address, so the per-address limit counts only its own requests. */
const nextAddress = () => `198.51.100.${++address}`;

describe.each(testDatabaseKinds)('accessibility statement and feedback on %s', (kind) => {
  let t: TestApp;
  let people: { admin: string; coordinator: string; advisor: string };
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000, accessibilityFeedbackPerHour: 3, publicUrl: 'https://etapiste.example' } });
    const ministry = await createOrganisation(t.ctx.db, 'ministry');
    const contractor = await createOrganisation(t.ctx.db, 'contractor');
    people = {
      admin: (await createUser(t.ctx.db, { organisationId: ministry.id, role: 'main-admin' })).email,
      coordinator: (await createUser(t.ctx.db, { organisationId: ministry.id, role: 'coordinator' })).email,
      advisor: (await createUser(t.ctx.db, { organisationId: contractor.id, role: 'advisor' })).email,
    };
  });
  afterAll(() => t.close());

  const publicPost = (payload: unknown, remoteAddress = nextAddress()) =>
    t.app.inject({ method: 'POST', url: '/api/public/accessibility-feedback', remoteAddress, payload: payload as object });
  const audited = async (action: string, targetId?: string) =>
    t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), targetId ? eq(auditEvents.targetId, targetId) : undefined)).orderBy(asc(auditEvents.id));

  it('anyone reads the statement in fi, sv and en; before any save it is the built-in one with every part the law asks for', async () => {
    for (const language of ['fi', 'sv', 'en']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/accessibility-statement/${language}` });
      expect(res.statusCode).toBe(200);
      const s = res.json();
      expect(s).toMatchObject({ language, version: 0, savedAt: null, content: { conformance: 'partial' } });
      expect(s.content.supervision).toContain('Traficom');
      expect(s.content.shortcomings.length).toBeGreaterThan(0);
      expect(s.content.shortcomings[0].fixBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s).not.toHaveProperty('savedBy');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/public/accessibility-statement/de' })).statusCode).toBe(422);
  });

  it('the main admin saves new versions per language, the history keeps every one; others may not; bad input changes nothing', async () => {
    const admin = await signIn(t.app, people.admin);
    const coordinator = await signIn(t.app, people.coordinator);
    const base: StatementContent = (await t.app.inject({ method: 'GET', url: '/api/public/accessibility-statement/sv' })).json().content;
    const v1 = await admin.put('/api/accessibility-statement/sv', { ...base, reviewedOn: '2027-01-15' });
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ language: 'sv', version: 1, content: { reviewedOn: '2027-01-15' }, savedBy: { name: expect.any(String) } });
    const fixed = { ...base, reviewedOn: '2027-02-01', conformance: 'full', shortcomings: [] };
    expect((await admin.put('/api/accessibility-statement/sv', fixed)).json().version).toBe(2);

    const current = (await t.app.inject({ method: 'GET', url: '/api/public/accessibility-statement/sv' })).json();
    expect(current).toMatchObject({ version: 2, content: { conformance: 'full', shortcomings: [], reviewedOn: '2027-02-01' } });
    // Other languages are untouched.
    expect((await t.app.inject({ method: 'GET', url: '/api/public/accessibility-statement/fi' })).json().version).toBe(0);

    const history = await admin.get('/api/accessibility-statement/sv/versions');
    expect(history.json().map((v: { version: number }) => v.version)).toEqual([2, 1, 0]);
    expect(history.json()[1].content.reviewedOn).toBe('2027-01-15');

    expect((await coordinator.put('/api/accessibility-statement/sv', fixed)).statusCode).toBe(403);
    expect((await coordinator.get('/api/accessibility-statement/sv/versions')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/accessibility-statement/sv', payload: fixed })).statusCode).toBe(401);
    const hetu = await admin.put('/api/accessibility-statement/sv', { ...fixed, feedback: 'Ring 131052-308T' });
    expect([hetu.statusCode, hetu.json().code]).toEqual([422, 'personal_id_forbidden']);
    expect((await admin.put('/api/accessibility-statement/sv', { ...fixed, statementDate: '2027-02-30' })).statusCode).toBe(422);
    expect((await admin.put('/api/accessibility-statement/sv', { ...fixed, conformance: 'mostly' })).statusCode).toBe(422);
    const rows = await t.ctx.db.select().from(accessibilityStatements).where(eq(accessibilityStatements.language, 'sv'));
    expect(rows).toHaveLength(2);
    // A saved version is kept as it was, even against a direct write.
    await expect(t.ctx.db.update(accessibilityStatements).set({ version: 9 }).where(eq(accessibilityStatements.id, rows[0]!.id))).rejects.toThrow();
    await expect(t.ctx.db.delete(accessibilityStatements).where(eq(accessibilityStatements.id, rows[0]!.id))).rejects.toThrow();
    expect((await audited('accessibility-statement.saved')).map((e) => e.details)).toEqual(
      expect.arrayContaining([{ language: 'sv', version: 1 }, { language: 'sv', version: 2 }]),
    );
  });

  it('feedback is received without signing in, due 14 days later; a henkilötunnus or an unknown field is refused and nothing is stored', async () => {
    const res = await publicPost({ message: 'Lomakkeen virheilmoitusta ei lueta ääneen.', email: 'Asiakas@Example.FI', page: '/saavutettavuus', language: 'fi' });
    expect(res.statusCode).toBe(201);
    const { id, receivedAt, dueAt } = res.json();
    expect(new Date(dueAt).getTime() - new Date(receivedAt).getTime()).toBe(14 * DAY);
    const [row] = await t.ctx.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.id, id));
    expect(row).toMatchObject({ email: 'asiakas@example.fi', page: '/saavutettavuus', status: 'new', language: 'fi' });
    const [event] = await audited('accessibility-feedback.received', id);
    expect(event).toMatchObject({ actorType: 'anonymous', details: { withEmail: true } });
    expect(JSON.stringify(event)).not.toContain('asiakas@example.fi');

    const before = (await t.ctx.db.select().from(accessibilityFeedback)).length;
    for (const bad of [
      { message: 'Hetuni on 131052-308T' },
      { message: 'ok', page: '131052–308T' },
      { message: 'ok', email: 'not-an-address' },
      { message: '   ' },
      { message: 'ok', name: 'Extra' },
    ]) {
      const r = await publicPost(bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(422);
    }
    expect((await publicPost({ message: 'Hetuni on 131052-308T' })).json().code).toBe('personal_id_forbidden');
    expect((await t.ctx.db.select().from(accessibilityFeedback)).length).toBe(before);
  });

  it('one client address may send only so much feedback an hour: 429 with Retry-After; another address still may', async () => {
    const ip = nextAddress();
    for (let i = 0; i < 3; i++) expect((await publicPost({ message: `Palaute ${i}` }, ip)).statusCode).toBe(201);
    const limited = await publicPost({ message: 'Vielä yksi' }, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().code).toBe('rate_limited');
    expect((await publicPost({ message: 'Toinen osoite' })).statusCode).toBe(201);
  });

  it('coordinators read the inbox with receivedAt, dueAt and status, and the day-10 and overdue flags; reading is audited; others may not', async () => {
    const now = Date.now();
    const fresh = await receiveFeedback(t.ctx, { message: 'Uusi' }, undefined, new Date(now - 1 * DAY));
    const day10 = await receiveFeedback(t.ctx, { message: 'Kymmenes päivä' }, undefined, new Date(now - 10 * DAY - 60_000));
    const overdue = await receiveFeedback(t.ctx, { message: 'Myöhässä' }, undefined, new Date(now - 15 * DAY));
    const coordinator = await signIn(t.app, people.coordinator);
    const res = await coordinator.get('/api/accessibility-feedback?status=new');
    expect(res.statusCode).toBe(200);
    const items = res.json() as { id: string; receivedAt: string; dueAt: string; status: string; attention: string | null }[];
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(fresh.id)).toMatchObject({ status: 'new', attention: null, receivedAt: fresh.receivedAt, dueAt: fresh.dueAt });
    expect(byId.get(day10.id)?.attention).toBe('day10');
    expect(byId.get(overdue.id)?.attention).toBe('overdue');
    // Earliest deadline first.
    expect(items.findIndex((i) => i.id === overdue.id)).toBeLessThan(items.findIndex((i) => i.id === fresh.id));
    const summary = (await coordinator.get('/api/accessibility-feedback/summary')).json();
    expect(summary.day10).toBeGreaterThanOrEqual(1);
    expect(summary.overdue).toBeGreaterThanOrEqual(1);
    expect((await audited('accessibility-feedback.listed')).some((e) => e.actorId === coordinator.userId)).toBe(true);

    const advisor = await signIn(t.app, people.advisor);
    expect((await advisor.get('/api/accessibility-feedback')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/accessibility-feedback' })).statusCode).toBe(401);
  });

  it('reminders go to the coordinators by e-mail on day 10 and when overdue, once each, without the message; none without SMTP', async () => {
    // A world far in the future of every other test's feedback, so this test's clock decides alone.
    await t.ctx.db.update(accessibilityFeedback).set({ remindedAt: new Date(), overdueRemindedAt: new Date() });
    const t0 = new Date(Date.now() + 400 * DAY);
    const { id } = await receiveFeedback(t.ctx, { message: 'Painike puuttuu ruudunlukijalta', email: 'lahettaja@example.fi' }, undefined, t0);
    const at = (days: number) => new Date(t0.getTime() + days * DAY);

    expect(await remindFeedback(t.ctx, at(11))).toEqual({ day10: 0, overdue: 0 });
    const smtp = await startTestSmtp();
    t.ctx.config.smtpUrl = smtp.url;
    try {
      expect(await remindFeedback(t.ctx, at(9.9))).toEqual({ day10: 0, overdue: 0 });
      expect(await remindFeedback(t.ctx, at(10))).toEqual({ day10: 1, overdue: 0 });
      const [mail] = smtp.to(people.coordinator);
      expect(mail!.parsed.subject).toContain('odottaa vastausta');
      expect(mail!.parsed.text).toContain('https://etapiste.example/reports/accessibility-feedback');
      expect(mail!.parsed.text).not.toContain('Painike puuttuu');
      expect(smtp.to(people.advisor)).toEqual([]);
      expect(await remindFeedback(t.ctx, at(13))).toEqual({ day10: 0, overdue: 0 });
      expect(await remindFeedback(t.ctx, at(14))).toEqual({ day10: 0, overdue: 1 });
      expect(smtp.to(people.coordinator)[1]!.parsed.subject).toContain('ylittynyt');
      expect(await remindFeedback(t.ctx, at(20))).toEqual({ day10: 0, overdue: 0 });
      expect(smtp.received).toHaveLength(2);
      const [row] = await t.ctx.db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.id, id));
      expect(row!.remindedAt?.getTime()).toBe(at(10).getTime());
      expect(row!.overdueRemindedAt?.getTime()).toBe(at(14).getTime());
    } finally {
      t.ctx.config.smtpUrl = undefined;
      await smtp.close();
    }
  });

  it('the pg-boss job sends the day-10 reminder when jobs start (and hourly after)', async () => {
    await t.ctx.db.update(accessibilityFeedback).set({ remindedAt: new Date(), overdueRemindedAt: new Date() });
    await receiveFeedback(t.ctx, { message: 'Job' }, undefined, new Date(Date.now() - 10 * DAY - 60_000));
    const smtp = await startTestSmtp();
    t.ctx.config.smtpUrl = smtp.url;
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const jobs = await startJobs(t.ctx, { log: silent, pollingIntervalSeconds: 0.5 });
    try {
      await expect.poll(() => smtp.to(people.coordinator).filter((m) => m.parsed.subject?.includes('saavutettavuuspalaute odottaa')).length).toBe(1);
    } finally {
      await jobs.stop();
      t.ctx.config.smtpUrl = undefined;
      await smtp.close();
    }
  }, 60_000);

  it('a coordinator answers by e-mail through SMTP in the sender’s language, then closes; a failed send records nothing; all audited', async () => {
    const coordinator = await signIn(t.app, people.coordinator);
    const withEmail = (await publicPost({ message: 'Knappen saknar namn.', email: 'kund@example.fi', page: '/tillganglighet', language: 'sv' })).json();
    const withoutEmail = (await publicPost({ message: 'Ingen adress' })).json();
    const smtp = await startTestSmtp();
    t.ctx.config.smtpUrl = smtp.url;
    try {
      smtp.state.refuse = true;
      const failed = await coordinator.post(`/api/accessibility-feedback/${withEmail.id}/answer`, { answer: 'Tack, vi rättar det.' });
      expect([failed.statusCode, failed.json().code]).toEqual([502, 'accessibility.email_failed']);
      expect((await coordinator.get(`/api/accessibility-feedback/${withEmail.id}`)).json().status).toBe('new');
      smtp.state.refuse = false;

      const answered = await coordinator.post(`/api/accessibility-feedback/${withEmail.id}/answer`, { answer: 'Tack, vi rättar det före mars.' });
      expect(answered.statusCode).toBe(200);
      expect(answered.json()).toMatchObject({ status: 'answered', answer: 'Tack, vi rättar det före mars.', answerEmailed: true, answeredBy: { id: coordinator.userId } });
      const [mail] = smtp.to('kund@example.fi');
      expect(mail!.parsed.subject).toBe('Etäpiste: Svar på din respons om tillgänglighet');
      expect(mail!.parsed.text).toContain('Tack, vi rättar det före mars.');
      expect(mail!.parsed.text).toContain('> Knappen saknar namn.');
      expect(mail!.parsed.text).toContain('https://etapiste.example/tillganglighet');

      const again = await coordinator.post(`/api/accessibility-feedback/${withEmail.id}/answer`, { answer: 'Igen' });
      expect([again.statusCode, again.json().code]).toEqual([409, 'accessibility.feedback_not_open']);
      const hetu = await coordinator.post(`/api/accessibility-feedback/${withoutEmail.id}/answer`, { answer: 'Er kod 131052-308T' });
      expect(hetu.statusCode).toBe(422);

      const noAddress = await coordinator.post(`/api/accessibility-feedback/${withoutEmail.id}/answer`, { answer: 'Besvarat per telefon.' });
      expect(noAddress.json()).toMatchObject({ status: 'answered', answerEmailed: false });
      expect(smtp.received).toHaveLength(1);

      const closed = await coordinator.post(`/api/accessibility-feedback/${withEmail.id}/close`);
      expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      expect((await coordinator.post(`/api/accessibility-feedback/${withEmail.id}/close`)).statusCode).toBe(409);
      const advisor = await signIn(t.app, people.advisor);
      expect((await advisor.post(`/api/accessibility-feedback/${withoutEmail.id}/close`)).statusCode).toBe(403);

      const events = await t.ctx.db
        .select()
        .from(auditEvents)
        .where(inArray(auditEvents.action, ['accessibility-feedback.answered', 'accessibility-feedback.closed']))
        .orderBy(asc(auditEvents.id));
      expect(events.filter((e) => e.targetId === withEmail.id).map((e) => [e.action, e.details])).toEqual([
        ['accessibility-feedback.answered', { emailed: true, overdue: false }],
        ['accessibility-feedback.closed', { answered: true }],
      ]);
      expect(JSON.stringify(events)).not.toContain('kund@example.fi');
    } finally {
      t.ctx.config.smtpUrl = undefined;
      await smtp.close();
    }
  });
});
