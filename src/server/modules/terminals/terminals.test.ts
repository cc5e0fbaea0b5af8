import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { createOrganisation, createServicePoint } from '../../../../test/helpers/factories.js';
import { terminals } from '../../db/schema/index.js';
import { DEMO_PAIRING_CODE } from '../../db/seed/demo.js';

describe.each(testDatabaseKinds)('terminals on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  const pair = (code: string) => t.app.inject({ method: 'POST', url: '/api/terminal/pair', payload: { code } });
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/terminal/me', headers: { authorization: `Bearer ${token}` } });

  async function newRoom() {
    const org = await createOrganisation(t.ctx.db, 'contractor');
    return createServicePoint(t.ctx.db, org.id);
  }

  it('pairs a new terminal with its one-time code, serves /terminal/me, and stops at revocation', async () => {
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const { point, room } = await newRoom();
    const created = await admin.post(`/api/rooms/${room.id}/terminals`, { name: 'Kioski 2' });
    expect(created.statusCode).toBe(201);
    const { terminal, pairingCode, expiresAt } = created.json();
    expect(pairingCode).toMatch(/^\d{4}-\d{4}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(terminal).toMatchObject({ roomId: room.id, name: 'Kioski 2', status: 'pairing' });
    const [row] = await t.ctx.db.select().from(terminals).where(eq(terminals.id, terminal.id));
    expect(row!.pairingCodeHash).not.toContain(pairingCode.replace('-', ''));

    // Typed without the dash and with spaces: only the digits count.
    const paired = await pair(` ${pairingCode.replace('-', ' ')} `);
    expect(paired.statusCode).toBe(200);
    const { token, terminal: self } = paired.json();
    expect(self).toEqual({
      terminalId: terminal.id,
      name: 'Kioski 2',
      room: { id: room.id, name: room.name },
      servicePoint: { id: point.id, name: point.name, phone: point.phone },
    });
    expect((await pair(pairingCode)).json().code).toBe('terminal.pairing_invalid');

    const who = await me(token);
    expect(who.statusCode).toBe(200);
    expect(who.json().terminalId).toBe(terminal.id);
    const view = (await admin.get(`/api/service-points/${point.id}`)).json().rooms[0].terminals[0];
    expect(view).toMatchObject({ status: 'paired', pairedAt: expect.any(String), lastSeenAt: expect.any(String) });
    expect(view).not.toHaveProperty('pairingExpiresAt');

    const revoked = await admin.post(`/api/terminals/${terminal.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const after = await me(token);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_token');
    expect((await admin.post(`/api/terminals/${terminal.id}/pairing-code`)).json().code).toBe('terminal.revoked');

    const auditor = await signIn(t.app, 'tarkastaja@vm.demo');
    for (const action of ['terminal.created', 'terminal.pairing_code_issued', 'terminal.paired', 'terminal.revoked']) {
      const events = (await auditor.get(`/api/audit-events?action=${action}`)).json().events as { targetId?: string; outcome: string }[];
      expect(events.some((e) => e.targetId === terminal.id && e.outcome === 'success'), action).toBe(true);
    }
  });

  it('pairs the seeded demo kiosk', async () => {
    const paired = await pair(DEMO_PAIRING_CODE);
    expect(paired.statusCode).toBe(200);
    expect(paired.json().terminal).toMatchObject({ name: 'Asiakaspääte 1', servicePoint: { name: { fi: 'Porvoo-info' } } });
  });

  it('keeps the old credential working until re-pairing succeeds, then replaces it', async () => {
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const { room } = await newRoom();
    const { terminal, pairingCode } = (await admin.post(`/api/rooms/${room.id}/terminals`, { name: 'Kioski' })).json();
    const first = (await pair(pairingCode)).json().token as string;
    const again = await admin.post(`/api/terminals/${terminal.id}/pairing-code`);
    expect(again.statusCode).toBe(200);
    expect(again.json().terminal).toMatchObject({ status: 'paired', pairingExpiresAt: expect.any(String) });
    expect((await me(first)).statusCode).toBe(200);
    const second = (await pair(again.json().pairingCode)).json().token as string;
    expect((await me(second)).statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
  });

  it('answers a wrong or expired code with 422 and never pairs', async () => {
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    const { room } = await newRoom();
    const { terminal, pairingCode } = (await admin.post(`/api/rooms/${room.id}/terminals`, { name: 'Kioski' })).json();
    const wrong = await pair('0000-0000');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('terminal.pairing_invalid');
    expect((await pair('12-34-56')).json().code).toBe('terminal.pairing_invalid');
    await t.ctx.db.update(terminals).set({ pairingExpiresAt: new Date(Date.now() - 1000) }).where(eq(terminals.id, terminal.id));
    const expired = await pair(pairingCode);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().code).toBe('terminal.pairing_invalid');
  });

  it('lets only the main admin manage terminals, and only a terminal call /terminal/me', async () => {
    const { room } = await newRoom();
    const coordinator = await signIn(t.app, 'koordinaattori@vm.demo');
    expect((await coordinator.post(`/api/rooms/${room.id}/terminals`, { name: 'x' })).statusCode).toBe(403);
    expect((await coordinator.get('/api/terminal/me')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/terminal/me' })).statusCode).toBe(401);
    expect((await me('not-a-real-token')).statusCode).toBe(401);
    const admin = await signIn(t.app, 'paakayttaja@vm.demo');
    expect((await admin.post('/api/rooms/00000000-0000-4000-8000-000000000000/terminals', { name: 'x' })).statusCode).toBe(404);
    expect((await admin.post('/api/terminals/00000000-0000-4000-8000-000000000000/revoke')).statusCode).toBe(404);
    expect((await admin.post(`/api/rooms/${room.id}/terminals`, { name: '' })).statusCode).toBe(422);
    // A coordinator sees device status, but not pairing secrets.
    const points = (await coordinator.get('/api/service-points')).json();
    expect(points.some((p: { rooms: { terminals?: unknown[] }[] }) => p.rooms.some((r) => Array.isArray(r.terminals)))).toBe(true);
  });

  // Last in the suite: it uses up this app's pairing allowance.
  it('rate-limits pairing attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await pair('9999-9999')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 422 && s !== 429)).toEqual([]);
  });
});
