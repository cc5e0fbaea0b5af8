import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { type AssistanceWorld, assistanceWorld, bookingNow } from '../../../../test/helpers/assistance.js';
import { verifyExport, parseCsv } from '../../../../test/helpers/audit-export.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { helsinkiToday } from '../../../../test/helpers/agreements.js';
import type { AuditEventView } from '../../../shared/audit.js';

type Page = { events: AuditEventView[] };

describe.each(testDatabaseKinds)('the auditor’s log on %s', (kind) => {
  let t: TestApp;
  let w: AssistanceWorld;
  let auditor: Client;
  let booking: Awaited<ReturnType<typeof bookingNow>>;
  const today = helsinkiToday();
  const events = async (query: string) => ((await auditor.get(`/api/audit-events?${query}`)).json() as Page).events;

  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    w = await assistanceWorld(t.ctx.db);
    const inspector = await createUser(t.ctx.db, { organisationId: w.ministry.id, role: 'auditor', name: 'Tarja Laine' });
    booking = await bookingNow(t.ctx.db, w);
    // The expert signs in and reads the booking; an advisor fails to sign in once.
    const expert = await signIn(t.app, w.expert.email);
    expect((await expert.get(`/api/bookings/${booking.id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: w.advisor.email, password: 'wrong-password' } })).statusCode).toBe(401);
    auditor = await signIn(t.app, inspector.email);
  });
  afterAll(() => t.close());

  it('shows people, organisations and objects by name, and a sign-in as the person’s own act', async () => {
    const read = (await events('group=bookings')).find((e) => e.action === 'booking.read' && e.targetId === booking.id)!;
    expect(read).toMatchObject({ actorType: 'user', actorName: 'Veera Salo', targetType: 'booking', targetName: booking.reference, organisationName: w.agency.name });
    // No customer data: the booking is named by its reference, never by the customer.
    expect(JSON.stringify(await events('group=bookings'))).not.toContain('Meikäläinen');

    const signIns = await events(`group=sign-in&person=${w.expert.id}`);
    expect(signIns.find((e) => e.outcome === 'success')).toMatchObject({ actorType: 'user', actorId: w.expert.id, actorName: 'Veera Salo', targetName: 'Veera Salo' });
    // A failed attempt is not anyone's act, but it names whose account it was.
    const failed = (await events(`group=sign-in&person=${w.advisor.id}`)).find((e) => e.outcome === 'failure')!;
    expect(failed).toMatchObject({ actorType: 'anonymous', targetName: 'Anna Lindholm', details: { reason: 'bad-password' } });
  });

  it('filters by person, organisation, object (booking reference) and action group, within a period', async () => {
    const byPerson = await events(`person=${w.expert.id}`);
    expect(byPerson.length).toBeGreaterThanOrEqual(2);
    expect(byPerson.every((e) => e.actorId === w.expert.id || e.targetId === w.expert.id)).toBe(true);

    const byOrg = await events(`organisation=${w.agency.id}`);
    expect(byOrg.map((e) => e.action)).toContain('booking.read');
    expect(byOrg.every((e) => e.organisationId === w.agency.id)).toBe(true);

    for (const reference of [booking.reference, booking.reference.toLowerCase()]) {
      const byObject = await events(`object=${encodeURIComponent(reference)}`);
      expect(byObject.map((e) => e.action)).toEqual(['booking.read']);
    }
    expect(await events('object=NOSUCH')).toEqual([]);

    const audit = await events('group=audit');
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.action.startsWith('audit.'))).toBe(true);
    expect((await events('group=other')).every((e) => !e.action.startsWith('booking.') && !e.action.startsWith('audit.'))).toBe(true);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await events(`from=${encodeURIComponent(tomorrow)}&person=${w.expert.id}`)).toEqual([]);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect((await events(`from=${encodeURIComponent(yesterday)}&to=${encodeURIComponent(tomorrow)}&person=${w.expert.id}`)).length).toBe(byPerson.length);

    // Unknown groups and ids that are not ids are refused, not ignored.
    expect((await auditor.get('/api/audit-events?group=auth')).statusCode).toBe(422);
    expect((await auditor.get('/api/audit-events?person=nobody')).statusCode).toBe(422);
  });

  it('offers the people and organisations by name for the filters, and records that read', async () => {
    const options = (await auditor.get('/api/audit-events/filters')).json() as { people: { id: string; name: string }[]; organisations: { id: string }[]; groups: string[] };
    expect(options.people).toContainEqual(expect.objectContaining({ id: w.expert.id, name: 'Veera Salo' }));
    expect(options.organisations.map((o) => o.id)).toContain(w.agency.id);
    expect(options.groups).toContain('sign-in');
    expect((await events('group=audit')).map((e) => e.action)).toContain('audit.filters_read');
  });

  it('exports a period as JSON and CSV whose hashes recompute to the proof, and records the export', async () => {
    const res = await auditor.get(`/api/audit-events/export?from=${today}&to=${today}&format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-${today}_${today}.json"`);
    const exported = res.json();
    expect(exported.proof).toMatchObject({ from: today, to: today, chainVerified: true, timeZone: 'Europe/Helsinki' });
    expect(exported.proof.count).toBe(exported.events.length);
    expect(exported.events.length).toBeGreaterThan(3);
    expect(verifyExport(exported.events, exported.proof.anchorHash)).toEqual({ ok: true, firstHash: exported.proof.firstHash, lastHash: exported.proof.lastHash });
    expect(res.headers['x-audit-last-hash']).toBe(exported.proof.lastHash);
    const read = exported.events.find((e: { action: string }) => e.action === 'booking.read');
    expect(read).toMatchObject({ actorName: 'Veera Salo', targetName: booking.reference });

    const csv = await auditor.get(`/api/audit-events/export?from=${today}&to=${today}&format=csv&lang=sv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(verifyExport(rows, csv.headers['x-audit-anchor-hash'] as string)).toMatchObject({ ok: true, lastHash: csv.headers['x-audit-last-hash'] });
    // The same run of the chain (the JSON export's own event was sealed after it).
    expect(rows[0]!.hash).toBe(exported.proof.firstHash);

    const exports = (await events('group=audit')).filter((e) => e.action === 'audit.export');
    expect(exports.map((e) => e.details)).toContainEqual(expect.objectContaining({ from: today, to: today, format: 'csv' }));
  });

  it('exports nothing for a period without events, and refuses a period backwards or a format it does not know', async () => {
    const empty = (await auditor.get('/api/audit-events/export?from=2001-01-01&to=2001-01-31')).json();
    expect(empty.proof).toMatchObject({ count: 0, firstHash: '', lastHash: '' });
    expect(empty.events).toEqual([]);
    expect((await auditor.get(`/api/audit-events/export?from=${today}&to=2001-01-01`)).statusCode).toBe(422);
    expect((await auditor.get(`/api/audit-events/export?from=${today}&to=${today}&format=xml`)).statusCode).toBe(422);
    expect((await auditor.get(`/api/audit-events/export?from=6.12.2026&to=${today}`)).statusCode).toBe(422);
  });

  it('is the auditor’s alone: the main admin, a coordinator, an agency admin and staff are refused', async () => {
    const agencyAdmin = await createUser(t.ctx.db, { organisationId: w.agency.id, role: 'agency-admin' });
    for (const user of [w.admin, w.coordinator, w.advisor, w.expert, agencyAdmin]) {
      const client = await signIn(t.app, user.email);
      for (const url of ['/api/audit-events', '/api/audit-events/filters', '/api/audit-events/verify', `/api/audit-events/export?from=${today}&to=${today}`]) {
        expect((await client.get(url)).statusCode, `${user.email} ${url}`).toBe(403);
      }
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/audit-events/export?from=${today}&to=${today}` })).statusCode).toBe(401);
  });
});
