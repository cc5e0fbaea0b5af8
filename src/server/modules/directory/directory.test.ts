import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createOrganisation } from '../../../../test/helpers/factories.js';

const EVERY_ROLE = ['paakayttaja@vm.demo', 'koordinaattori@vm.demo', 'tarkastaja@vm.demo', 'neuvoja1@porvoo.demo', 'asiantuntija@vero.demo', 'varaaja@kela.demo', 'admin@dvv.demo'];
const text = (s: string) => ({ fi: `${s} fi`, sv: `${s} sv`, en: `${s} en` });
const pointInput = (organisationId: string, extra: Record<string, unknown> = {}) => ({
  organisationId,
  name: text('Loviisa-info'),
  streetAddress: { fi: 'Mannerheiminkatu 4', sv: 'Mannerheimvägen 4', en: 'Mannerheiminkatu 4' },
  postalCode: '07900',
  city: { fi: 'Loviisa', sv: 'Lovisa', en: 'Loviisa' },
  phone: '+358 19 555 000',
  openingHours: [{ weekday: 1, opens: '08:30', closes: '16:00' }],
  ...extra,
});

describe.each(testDatabaseKinds)('directory on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  it('lets every role read organisations and service points, and only the main admin change them', async () => {
    for (const email of EVERY_ROLE) {
      const c = await signIn(t.app, email);
      const orgs = await c.get('/api/organisations');
      expect(orgs.statusCode, email).toBe(200);
      expect(orgs.json().map((o: { shortName: { fi: string } }) => o.shortName.fi)).toEqual(expect.arrayContaining(['Porvoo', 'Vero', 'DVV', 'Kela', 'VM']));
      const points = await c.get('/api/service-points');
      expect(points.statusCode, email).toBe(200);
      const create = await c.post('/api/organisations', { kind: 'principal', name: text('Uusi'), shortName: text('Uusi') });
      expect(create.statusCode, email).toBe(email === 'paakayttaja@vm.demo' ? 201 : 403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations' })).statusCode).toBe(401);
  });

  it('presents Porvoo-info with HH:MM opening hours, rooms, and terminals only for device managers', async () => {
    const advisor = await signIn(t.app, 'neuvoja1@porvoo.demo');
    const [point] = (await advisor.get('/api/service-points')).json();
    expect(point).toMatchObject({ name: { fi: 'Porvoo-info' }, timeZone: 'Europe/Helsinki', postalCode: '06100' });
    // The street is official in both languages in bilingual Porvoo (the Swedish name is to be verified: docs/language.md).
    expect(point.streetAddress).toEqual({ fi: 'Lundinkatu 8 A', sv: 'Lundinsgatan 8 A', en: 'Lundinkatu 8 A' });
    const orgs = (await advisor.get('/api/organisations')).json() as { shortName: { fi: string; sv: string; en: string }; name: { sv: string } }[];
    expect(orgs.find((o) => o.shortName.fi === 'Kela')).toMatchObject({ shortName: { sv: 'FPA', en: 'Kela' }, name: { sv: 'FPA' } });
    expect(orgs.find((o) => o.shortName.fi === 'Vero')?.shortName.sv).toBe('Skatteförvaltningen');
    expect(point.openingHours).toHaveLength(5);
    expect(point.openingHours[0]).toEqual({ weekday: 1, opens: '09:00', closes: '15:00' });
    expect(point.rooms).toHaveLength(1);
    expect(point.rooms[0]).not.toHaveProperty('terminals');

    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const one = (await admin.get(`/api/service-points/${point.id}`)).json();
    expect(one.rooms[0].terminals).toEqual([expect.objectContaining({ name: 'Asiakaspääte 1', status: 'pairing' })]);
    expect(JSON.stringify(one)).not.toMatch(/hash/i);
    expect((await admin.get('/api/service-points/00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('filters organisations by kind', async () => {
    const c = await signIn(t.app, 'asiantuntija@vero.demo');
    const res = (await c.get('/api/organisations?kind=contractor')).json();
    expect(res.map((o: { shortName: { fi: string } }) => o.shortName.fi)).toContain('Porvoo');
    expect(res.every((o: { kind: string }) => o.kind === 'contractor')).toBe(true);
    expect((await c.get('/api/organisations?kind=bogus')).statusCode).toBe(422);
  });

  it('creates and updates an organisation and audits both', async () => {
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const shortName = { fi: 'Traficom', sv: 'Traficom', en: 'Traficom' };
    const created = await admin.post('/api/organisations', { kind: 'principal', name: text('Traficom'), shortName, businessId: '2924753-3' });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ kind: 'principal', shortName, businessId: '2924753-3', isMainAdmin: false });
    // A short name is per language; one string (the old shape) or an empty language is refused.
    expect((await admin.patch(`/api/organisations/${org.id}`, { shortName: 'Trafi' })).statusCode).toBe(422);
    expect((await admin.patch(`/api/organisations/${org.id}`, { shortName: { fi: 'Trafi', sv: '', en: 'Trafi' } })).statusCode).toBe(422);
    const patched = await admin.patch(`/api/organisations/${org.id}`, { shortName: { fi: 'Trafi', sv: 'Trafi', en: 'Trafi' }, businessId: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().shortName).toEqual({ fi: 'Trafi', sv: 'Trafi', en: 'Trafi' });
    expect(patched.json()).not.toHaveProperty('businessId');
    expect((await admin.patch(`/api/organisations/${org.id}`, { isMainAdmin: true })).statusCode).toBe(422);
    expect((await admin.post('/api/organisations', { kind: 'principal', name: text('x'), shortName: text('x'), businessId: '123' })).statusCode).toBe(422);
    expect((await admin.patch('/api/organisations/00000000-0000-4000-8000-000000000000', { shortName: text('z') })).statusCode).toBe(404);

    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    const created_ = (await auditor.get('/api/audit-events?action=organisation.created')).json().events;
    expect(created_.some((e: { targetId: string }) => e.targetId === org.id)).toBe(true);
    const updated = (await auditor.get('/api/audit-events?action=organisation.updated')).json().events;
    expect(updated.find((e: { targetId: string }) => e.targetId === org.id)?.details).toEqual({ fields: ['shortName', 'businessId'] });
  });

  it('creates a service point for a contractor only, validates the time zone, and replaces the week on patch', async () => {
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const contractor = await createOrganisation(t.ctx.db, 'contractor');
    const principal = await createOrganisation(t.ctx.db, 'principal');

    const wrongKind = await admin.post('/api/service-points', pointInput(principal.id));
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().code).toBe('service_point.organisation_kind');
    const unknownOrg = await admin.post('/api/service-points', pointInput('00000000-0000-4000-8000-000000000000'));
    expect(unknownOrg.json().code).toBe('service_point.organisation_kind');
    const badZone = await admin.post('/api/service-points', pointInput(contractor.id, { timeZone: 'Mars/Olympus' }));
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json().errors[0].path).toBe('timeZone');
    const overlap = await admin.post('/api/service-points', pointInput(contractor.id, { openingHours: [{ weekday: 1, opens: '08:00', closes: '12:00' }, { weekday: 1, opens: '11:00', closes: '14:00' }] }));
    expect(overlap.statusCode).toBe(422);
    expect((await admin.post('/api/service-points', pointInput(contractor.id, { openingHours: [{ weekday: 1, opens: '16:00', closes: '08:00' }] }))).statusCode).toBe(422);
    expect((await admin.post('/api/service-points', pointInput(contractor.id, { extra: 1 }))).statusCode).toBe(422);

    const created = await admin.post('/api/service-points', pointInput(contractor.id));
    expect(created.statusCode).toBe(201);
    const point = created.json();
    expect(point).toMatchObject({ timeZone: 'Europe/Helsinki', active: true, rooms: [], openingHours: [{ weekday: 1, opens: '08:30', closes: '16:00' }] });

    // A patch without openingHours leaves the week alone.
    const renamed = (await admin.patch(`/api/service-points/${point.id}`, { phone: '+358 19 555 111' })).json();
    expect(renamed).toMatchObject({ phone: '+358 19 555 111', openingHours: [{ weekday: 1, opens: '08:30', closes: '16:00' }] });
    const week = [
      { weekday: 2, opens: '09:00', closes: '12:00' },
      { weekday: 2, opens: '13:00', closes: '15:30' },
    ];
    const rehoured = await admin.patch(`/api/service-points/${point.id}`, { openingHours: week, active: false });
    expect(rehoured.json()).toMatchObject({ active: false, openingHours: week });
    expect((await admin.patch(`/api/service-points/${point.id}`, { organisationId: principal.id })).json().code).toBe('service_point.organisation_kind');

    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    const events = (await auditor.get('/api/audit-events?action=service_point.updated')).json().events;
    expect(events.filter((e: { targetId: string }) => e.targetId === point.id)).toHaveLength(2);
    const advisor = await signIn(t.app, 'neuvoja1@porvoo.demo');
    expect((await advisor.patch(`/api/service-points/${point.id}`, { phone: '+358 19 555 222' })).statusCode).toBe(403);
  });

  it('adds and renames rooms, sorted by Finnish name', async () => {
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const contractor = await createOrganisation(t.ctx.db, 'contractor');
    const point = (await admin.post('/api/service-points', pointInput(contractor.id))).json();
    const b = await admin.post(`/api/service-points/${point.id}/rooms`, { name: text('B-tila') });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ servicePointId: point.id, active: true, terminals: [] });
    await admin.post(`/api/service-points/${point.id}/rooms`, { name: text('A-tila') });
    const rooms = (await admin.get(`/api/service-points/${point.id}`)).json().rooms;
    expect(rooms.map((r: { name: { fi: string } }) => r.name.fi)).toEqual(['A-tila fi', 'B-tila fi']);

    const renamed = await admin.patch(`/api/rooms/${b.json().id}`, { name: text('C-tila'), active: false });
    expect(renamed.json()).toMatchObject({ name: { fi: 'C-tila fi' }, active: false });
    expect((await admin.post('/api/service-points/00000000-0000-4000-8000-000000000000/rooms', { name: text('x') })).statusCode).toBe(404);
    expect((await admin.patch('/api/rooms/00000000-0000-4000-8000-000000000000', { active: true })).statusCode).toBe(404);
    const coordinator = await signIn(t.app, 'koordinaattori@vm.demo');
    expect((await coordinator.post(`/api/service-points/${point.id}/rooms`, { name: text('x') })).statusCode).toBe(403);

    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    expect((await auditor.get('/api/audit-events?action=room.created')).json().events.length).toBeGreaterThanOrEqual(2);
    expect((await auditor.get('/api/audit-events?action=room.updated')).json().events[0].targetId).toBe(b.json().id);
  });
});
