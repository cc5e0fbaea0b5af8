import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DEMO_PASSWORD, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createOrganisation, createServicePoint, createUser } from '../../../../test/helpers/factories.js';
import { totpAt, totpStep } from '../../auth/totp.js';
import { sessions } from '../../db/schema/index.js';

const NEW_PASSWORD = 'Uusi-salasana-2025!';
type AuditEvent = { action: string; targetId?: string; actorId?: string; actorName?: unknown; targetName?: unknown; organisationName?: unknown; details: Record<string, unknown> };

describe.each(testDatabaseKinds)('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let auditor: Client;
  const org: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config: { loginRatePerMinute: 1000 } });
    admin = await signIn(t.app, 'paakayttaja@vm.demo');
    auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    for (const o of (await admin.get('/api/organisations')).json() as { id: string; shortName: { fi: string } }[]) org[o.shortName.fi] = o.id;
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const tokenOf = (url: string) => url.split('/set-password/')[1]!;
  const sessionCount = async (userId: string) => (await t.ctx.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
  const events = async (action: string): Promise<AuditEvent[]> => (await auditor.get(`/api/audit-events?action=${action}&limit=200`)).json().events;

  it('creates a user whose one-time link sets a password that signs in', async () => {
    const res = await admin.post('/api/users', {
      organisationId: org.Kela,
      email: '  Uusi.Asiantuntija@Kela.demo ',
      name: 'Uusi Asiantuntija',
      roles: [{ role: 'expert', organisationId: org.Kela }],
    });
    expect(res.statusCode).toBe(201);
    const { user, setPasswordUrl, expiresAt } = res.json();
    expect(user).toMatchObject({ email: 'uusi.asiantuntija@kela.demo', active: true, hasPassword: false, mfaEnabled: false, roles: [{ role: 'expert', organisationId: org.Kela }] });
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const token = tokenOf(setPasswordUrl);

    const info = await t.app.inject({ method: 'GET', url: `/api/password-tokens/${token}` });
    expect(info.json()).toEqual({ email: 'uusi.asiantuntija@kela.demo', name: 'Uusi Asiantuntija' });
    expect((await login('uusi.asiantuntija@kela.demo', NEW_PASSWORD)).statusCode).toBe(401);
    const set = await t.app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: NEW_PASSWORD } });
    expect(set.statusCode).toBe(200);
    const signedIn = await signIn(t.app, 'uusi.asiantuntija@kela.demo', NEW_PASSWORD);
    expect((await signedIn.get('/api/me')).json().roles).toEqual([{ role: 'expert', organisationId: org.Kela }]);

    // One-time: the link is spent.
    expect((await t.app.inject({ method: 'GET', url: `/api/password-tokens/${token}` })).statusCode).toBe(410);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: 'Toinen-salasana-99' } })).statusCode).toBe(410);
    expect((await admin.get(`/api/users/${user.id}`)).json().hasPassword).toBe(true);

    const created = (await events('user.created')).find((e) => e.targetId === user.id);
    expect(created).toMatchObject({ actorId: admin.userId, details: { roles: ['expert'] } });
    expect((await events('user.password_link_issued')).some((e) => e.targetId === user.id)).toBe(true);
  });

  it('refuses an account without a role, and a henkilötunnus in the name, with 422, creating nothing', async () => {
    const noRole = await admin.post('/api/users', { organisationId: org.Vero, email: 'norole@vero.demo', name: 'Ei Roolia', roles: [] });
    expect(noRole.statusCode).toBe(422);
    expect(noRole.json().errors).toEqual([expect.objectContaining({ path: 'roles' })]);
    const hetu = await admin.post('/api/users', { organisationId: org.Vero, email: 'hetu@vero.demo', name: 'Maija 131052-308T', roles: [{ role: 'expert', organisationId: org.Vero }] });
    expect([hetu.statusCode, hetu.json().code]).toEqual([422, 'personal_id_forbidden']);
    const listed = (await admin.get(`/api/users?organisationId=${org.Vero}`)).json();
    expect(JSON.stringify(listed)).not.toMatch(/norole@|hetu@/);
  });

  it('refuses a taken email (any case) with 409 and unknown fields with 422', async () => {
    const taken = await admin.post('/api/users', { organisationId: org.Vero, email: 'ASIANTUNTIJA@vero.demo', name: 'X', roles: [{ role: 'expert', organisationId: org.Vero }] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('user.email_taken');
    const extra = await admin.post('/api/users', { organisationId: org.Vero, email: 'x1@vero.demo', name: 'X', roles: [], passwordHash: 'x' });
    expect(extra.statusCode).toBe(422);
    const badEmail = await admin.post('/api/users', { organisationId: org.Vero, email: 'not-an-email', name: 'X' });
    expect(badEmail.statusCode).toBe(422);
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const unknownOrg = await admin.post('/api/users', { organisationId: nowhere, email: 'x2@vero.demo', name: 'X', roles: [{ role: 'expert', organisationId: nowhere }] });
    expect(unknownOrg.json()).toMatchObject({ status: 422, code: 'user.organisation_unknown' });
    const other = await createUser(t.ctx.db, { organisationId: org.Vero!, role: 'expert' });
    const rename = await admin.patch(`/api/users/${other.id}`, { email: 'Admin@Kela.demo' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('user.email_taken');
  });

  it('checks role scope: own organisation, advisor at a point of that organisation, main-admin only in the main-admin organisation', async () => {
    const porvoo = org.Porvoo!;
    const [point] = (await admin.get('/api/service-points')).json() as { id: string }[];
    const create = (email: string, roles: unknown[], organisationId = porvoo) => admin.post('/api/users', { organisationId, email, name: 'Testi', roles });
    const cases: [string, unknown[], string?][] = [
      ['s1@porvoo.demo', [{ role: 'advisor', organisationId: porvoo }]],
      ['s2@porvoo.demo', [{ role: 'expert', organisationId: org.Kela }]],
      ['s3@porvoo.demo', [{ role: 'main-admin', organisationId: porvoo }]],
      ['s4@porvoo.demo', [{ role: 'coordinator', organisationId: porvoo, servicePointId: point!.id }]],
      ['s5@kela.demo', [{ role: 'advisor', organisationId: org.Kela, servicePointId: point!.id }], org.Kela],
    ];
    for (const [email, roles, organisationId] of cases) {
      const res = await create(email, roles, organisationId);
      expect(res.statusCode, email).toBe(422);
      expect(res.json().code, email).toBe('role.invalid_scope');
    }
    const ok = await create('s6@porvoo.demo', [
      { role: 'advisor', organisationId: porvoo, servicePointId: point!.id },
      { role: 'advisor', organisationId: porvoo, servicePointId: point!.id },
    ]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user.roles).toEqual([{ role: 'advisor', organisationId: porvoo, servicePointId: point!.id }]);

    const roles = await admin.put(`/api/users/${ok.json().user.id}/roles`, { roles: [{ role: 'coordinator', organisationId: porvoo }] });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().roles).toEqual([{ role: 'coordinator', organisationId: porvoo }]);
    const changed = (await events('user.roles_changed')).find((e) => e.targetId === ok.json().user.id);
    expect(changed?.details).toEqual({ before: ['advisor'], after: ['coordinator'] });
  });

  it('always keeps an active main admin: the last one can neither lose the role nor be deactivated', async () => {
    const vm = org.VM!;
    const me = (await admin.get('/api/auth/session')).json().user.id as string;
    const lastRoles = await admin.put(`/api/users/${me}/roles`, { roles: [{ role: 'coordinator', organisationId: vm }] });
    expect(lastRoles.statusCode).toBe(409);
    expect(lastRoles.json().code).toBe('user.last_main_admin');
    // With a second main admin, either may go; then the one left is the last again.
    const second = await admin.post('/api/users', { organisationId: vm, email: 'toinen.paakayttaja@vm.demo', name: 'Toinen Pääkäyttäjä', roles: [{ role: 'main-admin', organisationId: vm }] });
    expect(second.statusCode).toBe(201);
    const secondId = second.json().user.id as string;
    expect((await admin.post(`/api/users/${secondId}/deactivate`)).statusCode).toBe(200);
    expect((await admin.put(`/api/users/${me}/roles`, { roles: [{ role: 'coordinator', organisationId: vm }] })).json().code).toBe('user.last_main_admin');
    expect((await admin.post(`/api/users/${secondId}/activate`)).statusCode).toBe(200);
    const demoted = await admin.put(`/api/users/${secondId}/roles`, { roles: [{ role: 'coordinator', organisationId: vm }] });
    expect(demoted.statusCode).toBe(200);
  });

  it('keeps an agency admin inside its own agency and its own roles', async () => {
    const vero = await signIn(t.app, 'admin@vero.demo');
    const listed = (await vero.get('/api/users')).json() as { organisationId: string }[];
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.every((u) => u.organisationId === org.Vero)).toBe(true);
    expect((await vero.get(`/api/users?organisationId=${org.Vero}`)).statusCode).toBe(200);
    expect((await vero.get(`/api/users?organisationId=${org.Kela}`)).statusCode).toBe(403);

    const kelaUser = await createUser(t.ctx.db, { organisationId: org.Kela!, role: 'expert' });
    expect((await vero.get(`/api/users/${kelaUser.id}`)).statusCode).toBe(404);
    expect((await vero.patch(`/api/users/${kelaUser.id}`, { name: 'Hijack' })).statusCode).toBe(404);
    expect((await vero.post(`/api/users/${kelaUser.id}/deactivate`)).statusCode).toBe(404);
    expect((await vero.post(`/api/users/${kelaUser.id}/password-link`)).statusCode).toBe(404);
    expect((await vero.post('/api/users', { organisationId: org.Kela, email: 'k9@kela.demo', name: 'K', roles: [{ role: 'expert', organisationId: org.Kela }] })).statusCode).toBe(403);

    const grantAdmin = await vero.post('/api/users', { organisationId: org.Vero, email: 'v1@vero.demo', name: 'V', roles: [{ role: 'main-admin', organisationId: org.Vero }] });
    expect(grantAdmin.statusCode).toBe(403);
    const created = await vero.post('/api/users', { organisationId: org.Vero, email: 'v2@vero.demo', name: 'V', roles: [{ role: 'agency-booker', organisationId: org.Vero }] });
    expect(created.statusCode).toBe(201);
    const id = created.json().user.id as string;
    expect((await vero.put(`/api/users/${id}/roles`, { roles: [{ role: 'main-admin', organisationId: org.Vero }] })).statusCode).toBe(403);
    expect((await vero.put(`/api/users/${id}/roles`, { roles: [{ role: 'auditor', organisationId: org.Vero }] })).statusCode).toBe(403);
    const promoted = await vero.put(`/api/users/${id}/roles`, { roles: [{ role: 'expert', organisationId: org.Vero }, { role: 'agency-admin', organisationId: org.Vero }] });
    expect(promoted.statusCode).toBe(200);

    // An account in the agency holding a role the agency admin may not grant is the main admin's to manage.
    const veroAuditor = await createUser(t.ctx.db, { organisationId: org.Vero!, role: 'auditor' });
    expect((await vero.get(`/api/users/${veroAuditor.id}`)).statusCode).toBe(200);
    expect((await vero.post(`/api/users/${veroAuditor.id}/password-link`)).statusCode).toBe(403);
    expect((await vero.put(`/api/users/${veroAuditor.id}/roles`, { roles: [] })).statusCode).toBe(403);

    const expert = await signIn(t.app, 'asiantuntija@vero.demo');
    expect((await expert.get('/api/users')).statusCode).toBe(403);
    expect((await expert.get(`/api/users/${id}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('ends an existing session at once on deactivation, and lets the account back in on activation', async () => {
    const u = await createUser(t.ctx.db, { organisationId: org.Kela!, role: 'expert' });
    const session = await signIn(t.app, u.email);
    expect((await session.get('/api/me')).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${u.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(await sessionCount(u.id)).toBe(0);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    expect((await login(u.email, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await admin.post(`/api/users/${u.id}/password-link`)).json().code).toBe('user.inactive');

    expect((await admin.post(`/api/users/${u.id}/activate`)).json().active).toBe(true);
    expect((await login(u.email, DEMO_PASSWORD)).statusCode).toBe(200);

    const self = await admin.post(`/api/users/${admin.userId}/deactivate`);
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('user.self');
    expect((await events('user.deactivated')).some((e) => e.targetId === u.id)).toBe(true);
    expect((await events('user.activated')).some((e) => e.targetId === u.id)).toBe(true);
  });

  it('resets MFA: the secret goes, sessions end, and sign-in works with the password alone', async () => {
    const u = await createUser(t.ctx.db, { organisationId: org.DVV!, role: 'expert' });
    const c = await signIn(t.app, u.email);
    const { secret } = (await c.post('/api/me/mfa/setup')).json();
    await c.post('/api/me/mfa/confirm', { code: totpAt(secret, totpStep(Date.now())) });
    expect((await login(u.email, DEMO_PASSWORD)).json().code).toBe('auth.totp_required');
    const session = await signIn(t.app, u.email, DEMO_PASSWORD, totpAt(secret, totpStep(Date.now()) + 1));

    const dvvAdmin = await signIn(t.app, 'admin@dvv.demo');
    const reset = await dvvAdmin.post(`/api/users/${u.id}/mfa/reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
    expect(await sessionCount(u.id)).toBe(0);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    expect((await login(u.email, DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await events('user.mfa_reset')).some((e) => e.targetId === u.id && e.actorId === dvvAdmin.userId)).toBe(true);
  });

  it('issues a new password link that replaces the earlier one', async () => {
    const u = await createUser(t.ctx.db, { organisationId: org.Vero!, role: 'expert' });
    const first = tokenOf((await admin.post(`/api/users/${u.id}/password-link`)).json().setPasswordUrl);
    const second = await admin.post(`/api/users/${u.id}/password-link`);
    expect(second.statusCode).toBe(200);
    expect(second.json().user.id).toBe(u.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/password-tokens/${first}` })).statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url: `/api/password-tokens/${tokenOf(second.json().setPasswordUrl)}` })).statusCode).toBe(200);
  });

  it('renames an account and audits reads and changes without personal data', async () => {
    const contractor = await createOrganisation(t.ctx.db, 'contractor');
    const { point } = await createServicePoint(t.ctx.db, contractor.id);
    const u = await createUser(t.ctx.db, { organisationId: contractor.id, role: 'advisor', servicePointId: point.id, name: 'Vanha Nimi' });
    const renamed = await admin.patch(`/api/users/${u.id}`, { name: 'Uusi Nimi' });
    expect(renamed.json()).toMatchObject({ name: 'Uusi Nimi', roles: [{ role: 'advisor', servicePointId: point.id }] });
    const list = (await admin.get(`/api/users?organisationId=${contractor.id}`)).json();
    expect(list).toHaveLength(1);

    const listed = (await events('user.list')).find((e) => e.actorId === admin.userId && e.details.count === 1);
    expect(listed).toBeDefined();
    expect((await events('user.updated')).find((e) => e.targetId === u.id)?.details).toEqual({ fields: ['name'] });
    const all = (await auditor.get('/api/audit-events?limit=500')).json().events as AuditEvent[];
    // What is stored carries ids only; the names the auditor sees are resolved when read (actorName, targetName).
    const stored = all.filter((e) => e.action.startsWith('user.')).map(({ actorName: _a, targetName: _t, organisationName: _o, ...e }) => e);
    expect(JSON.stringify(stored)).not.toMatch(/@|Nimi|Asiantuntija/);
    expect(all.find((e) => e.action === 'user.updated' && e.targetId === u.id)).toMatchObject({ targetName: 'Uusi Nimi' });
    expect((await auditor.get('/api/audit-events/verify')).json().ok).toBe(true);
  });
});
