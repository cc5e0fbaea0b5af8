import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld, createButton, pairTerminal, signInWorld } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { isEvent, socketPool } from '../../../../test/helpers/sockets.js';
import { buildApp } from '../../app.js';
import { auditEvents, callButtons, calls } from '../../db/schema/index.js';
import { sweepAssistance } from './sweep.js';

describe.each(testDatabaseKinds)('calls on %s', (kind) => {
  let t: TestApp;
  const sockets = socketPool(() => t.app);
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    sockets.closeAll();
    await t.close();
  });

  const socketFor = (cookie: string, servicePointId: string) => sockets.subscribed({ servicePointId }, { cookie });
  const callsOf = (roomId: string) => t.ctx.db.select().from(calls).where(eq(calls.roomId, roomId));
  const audits = (action: string) => t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id));

  it('a button press over HTTP opens a call, alerts the desks at once, and the desk reads it back', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    const desk = await socketFor(s.advisor.cookie, w.point.id);
    const elsewhere = await socketFor((await signIn(t.app, w.elsewhere.email)).cookie, w.point.id);

    const pressed = await button.press();
    expect(pressed.statusCode).toBe(201);
    const { callId } = pressed.json();
    expect(pressed.json()).toEqual({ callId: expect.any(String), status: 'open', repeatCount: 0, joined: false });
    const alert = await desk.next(isEvent('call.changed'));
    expect(alert).toEqual({ event: { type: 'call.changed', id: callId, servicePointId: w.point.id, at: expect.any(String) } });

    const list = await s.advisor.get(`/api/calls?servicePointId=${w.point.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().calls).toEqual([
      expect.objectContaining({ id: callId, roomId: w.room.id, servicePointId: w.point.id, source: 'button', status: 'open', repeatCount: 0, alertCount: 1 }),
    ]);
    // An advisor of another point neither hears of it nor reads it.
    expect((await s.advisor.get(`/api/calls?servicePointId=${w.otherPoint.id}`)).statusCode).toBe(403);
    const other = await signIn(t.app, w.elsewhere.email);
    expect((await other.get(`/api/calls?servicePointId=${w.point.id}`)).statusCode).toBe(403);
    expect((await other.post(`/api/calls/${callId}/acknowledge`)).statusCode).toBe(404);
    elsewhere.send({ ping: 'after' });
    await elsewhere.next((m) => m.pong === 'after');
    expect(elsewhere.received.some(isEvent('call.changed'))).toBe(false);

    const [row] = await t.ctx.db.select().from(callButtons).where(eq(callButtons.id, button.id));
    expect(row!.lastPressedAt).toBeInstanceOf(Date);
    const pressAudit = (await audits('call.pressed')).find((a) => a.targetId === callId);
    expect(pressAudit).toMatchObject({ actorType: 'button', actorId: button.id, outcome: 'success', details: expect.objectContaining({ via: 'http', joined: false }) });
  });

  it('answers a wrong, unknown or revoked token with 401 problem+json, stores no call, and audits the attempt', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    const wrong = await button.press('not-the-token');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toMatchObject({ status: 401, code: 'auth.invalid_token' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/buttons/00000000-0000-4000-8000-000000000000/press', headers: { authorization: `Bearer ${button.token}` } });
    expect(unknown.statusCode).toBe(401);
    const garbage = await t.app.inject({ method: 'POST', url: '/api/buttons/not-a-uuid/press', headers: { authorization: `Bearer ${button.token}` } });
    expect(garbage.statusCode).toBe(401);
    const none = await t.app.inject({ method: 'POST', url: `/api/buttons/${button.id}/press` });
    expect(none.statusCode).toBe(401);
    // A terminal's token is no button's token.
    const terminal = await pairTerminal(t.app, s.admin, w.room.id);
    expect((await button.press(terminal.token)).statusCode).toBe(401);
    expect(await callsOf(w.room.id)).toEqual([]);

    const failures = (await audits('call.pressed')).filter((a) => a.outcome === 'failure' && a.targetId === button.id);
    expect(failures.map((f) => (f.details as { reason: string }).reason).sort()).toEqual(['invalid-token', 'invalid-token', 'invalid-token']);

    expect((await s.admin.post(`/api/buttons/${button.id}/revoke`)).json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const revoked = await button.press();
    expect(revoked.statusCode).toBe(401);
    expect(await callsOf(w.room.id)).toEqual([]);
    expect((await audits('call_button.revoked')).some((a) => a.targetId === button.id)).toBe(true);
  });

  it('joins presses into the open call (200, same id, repeat count + 1) and accepts any body a webhook sends', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    const first = await button.press();
    expect(first.statusCode).toBe(201);
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/buttons/${button.id}/press`,
      headers: { authorization: `Bearer ${button.token}`, 'content-type': 'application/json' },
      payload: '{"clickType":"double"}',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ callId: first.json().callId, status: 'open', repeatCount: 1, joined: true });
    const third = await t.app.inject({
      method: 'POST',
      url: `/api/buttons/${button.id}/press`,
      headers: { authorization: `Bearer ${button.token}`, 'content-type': 'application/json' },
    });
    expect(third.json()).toMatchObject({ callId: first.json().callId, repeatCount: 2 });
    expect(await callsOf(w.room.id)).toHaveLength(1);

    // Simultaneous presses in a quiet room meet at the one-open-call index: one call, every press counted.
    const w2 = await assistanceWorld(t.ctx.db);
    const b2 = await createButton(t.app, await signIn(t.app, w2.admin.email), w2.room.id);
    const burst = await Promise.all(Array.from({ length: 5 }, () => b2.press()));
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.json().callId)).size).toBe(1);
    const [only] = await callsOf(w2.room.id);
    expect(only!.repeatCount).toBe(4);
  });

  it('lets exactly one of two advisors acknowledging at once take the call; the kiosk then shows who is coming', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const terminal = await pairTerminal(t.app, s.admin, w.room.id);
    expect((await terminal.as('GET', '/api/terminal/call')).json()).toEqual({ call: null });

    const placed = await terminal.as('POST', '/api/terminal/call');
    expect(placed.statusCode).toBe(201);
    const { callId } = placed.json();
    expect((await terminal.as('POST', '/api/terminal/call')).json()).toMatchObject({ callId, joined: true, repeatCount: 1 });
    expect((await terminal.as('GET', '/api/terminal/call')).json()).toEqual({ call: { id: callId, status: 'open', createdAt: expect.any(String) } });

    const [a, b] = await Promise.all([s.advisor.post(`/api/calls/${callId}/acknowledge`), s.advisor2.post(`/api/calls/${callId}/acknowledge`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    const winnerName = winner === a ? 'Anna Lindholm' : 'Mikko Heikkinen';
    expect(winner.json()).toMatchObject({ id: callId, status: 'acknowledged', acknowledgedBy: { name: winnerName }, acknowledgedAt: expect.any(String) });
    expect(loser.json()).toMatchObject({ code: 'call.already_acknowledged', detail: expect.stringContaining(winnerName) });
    // The winner tapping again is no conflict.
    expect((await (winner === a ? s.advisor : s.advisor2).post(`/api/calls/${callId}/acknowledge`)).statusCode).toBe(200);

    const state = (await terminal.as('GET', '/api/terminal/call')).json();
    expect(state).toEqual({ call: { id: callId, status: 'acknowledged', createdAt: expect.any(String), acknowledgedAt: expect.any(String), advisorFirstName: winnerName.split(' ')[0] } });

    // A press seconds after the acknowledgement joins it; the call is then closed and the kiosk clears.
    expect((await terminal.as('POST', '/api/terminal/call')).json()).toMatchObject({ callId, joined: true, status: 'acknowledged' });
    const closed = await s.advisor.post(`/api/calls/${callId}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: { name: 'Anna Lindholm' } });
    expect((await s.advisor.post(`/api/calls/${callId}/close`)).json().code).toBe('call.closed');
    expect((await s.advisor.post(`/api/calls/${callId}/acknowledge`)).json().code).toBe('call.closed');
    expect((await terminal.as('GET', '/api/terminal/call')).json()).toEqual({ call: null });
    // Recently closed calls stay on the desk's list.
    expect((await s.advisor.get(`/api/calls?servicePointId=${w.point.id}`)).json().calls[0]).toMatchObject({ id: callId, status: 'closed' });

    const acks = (await audits('call.acknowledged')).filter((e) => e.targetId === callId);
    expect(acks.map((e) => e.outcome).sort()).toEqual(['failure', 'failure', 'success']);
    expect((await audits('call.pressed')).filter((e) => e.targetId === callId && e.actorType === 'terminal')).toHaveLength(3);

    // A coordinator may close but not acknowledge; the kiosk may neither; staff may not press as a kiosk.
    const next = (await terminal.as('POST', '/api/terminal/call')).json().callId as string;
    expect(next).not.toBe(callId);
    expect((await s.coordinator.post(`/api/calls/${next}/acknowledge`)).statusCode).toBe(403);
    expect((await terminal.as('POST', `/api/calls/${next}/acknowledge`)).statusCode).toBe(401);
    expect((await s.advisor.post('/api/terminal/call')).statusCode).toBe(403);
    expect((await s.coordinator.post(`/api/calls/${next}/close`)).statusCode).toBe(200);
  });

  it('lets a kiosk hear of call changes at its service point over the event socket', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const terminal = await pairTerminal(t.app, s.admin, w.room.id);
    const kiosk = await sockets.subscribed({ servicePointId: w.point.id }, { protocols: ['etapiste.events.v1', `bearer.${terminal.token}`] });
    const { callId } = (await terminal.as('POST', '/api/terminal/call')).json();
    await kiosk.next(isEvent('call.changed', callId));
    await s.advisor.post(`/api/calls/${callId}/acknowledge`);
    await kiosk.next(isEvent('call.changed', callId));
    expect((await terminal.as('GET', '/api/terminal/call')).json().call.status).toBe('acknowledged');
  });

  it('repeats an unanswered alert, escalates it to coordinators once, and closes a forgotten acknowledged call', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    const desk = await socketFor(s.advisor.cookie, w.point.id);
    const coordinatorSocket = await socketFor(s.coordinator.cookie, w.point.id);
    const { callId } = (await button.press()).json();
    await desk.next(isEvent('call.changed', callId));

    const created = (await callsOf(w.room.id))[0]!.createdAt.getTime();
    const at = (seconds: number) => new Date(created + seconds * 1000);
    const { callRepeatSeconds: repeat, callEscalateSeconds: escalate } = t.ctx.config;
    expect((await sweepAssistance(t.ctx, at(repeat - 1))).repeated).not.toContain(callId);
    expect((await sweepAssistance(t.ctx, at(repeat))).repeated).toContain(callId);
    // The same moment swept again (as by a second instance) alerts nobody twice.
    expect((await sweepAssistance(t.ctx, at(repeat))).repeated).not.toContain(callId);
    await desk.next(isEvent('call.changed', callId));
    expect((await s.advisor.get(`/api/calls?servicePointId=${w.point.id}`)).json().calls[0]).toMatchObject({ alertCount: 2 });

    expect((await sweepAssistance(t.ctx, at(escalate))).escalated).toContain(callId);
    expect((await sweepAssistance(t.ctx, at(escalate + 1))).escalated).not.toContain(callId);
    await coordinatorSocket.next(isEvent('call.escalated', callId));
    await desk.next(isEvent('call.escalated', callId));
    const [row] = await callsOf(w.room.id);
    expect(row!.escalatedAt).toEqual(at(escalate));
    expect((await audits('call.escalated')).some((a) => a.targetId === callId && a.actorType === 'system')).toBe(true);

    await s.advisor.post(`/api/calls/${callId}/acknowledge`);
    const ackAt = (await callsOf(w.room.id))[0]!.acknowledgedAt!.getTime();
    expect((await sweepAssistance(t.ctx, new Date(ackAt + 60_000))).closed).not.toContain(callId);
    expect((await sweepAssistance(t.ctx, new Date(ackAt + t.ctx.config.callAutoCloseMinutes * 60_000))).closed).toContain(callId);
    expect((await callsOf(w.room.id))[0]).toMatchObject({ status: 'closed', closedBy: null });
  });

  it('keeps every unacknowledged call for a desk that reconnects to a restarted server', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    const { callId } = (await button.press()).json();
    // A new app on the same database, as after a restart: nothing about the call lived only in memory.
    const restarted = await buildApp({ config: t.ctx.config, database: t.ctx.database });
    try {
      const advisor = await signIn(restarted, w.advisor.email);
      const calls = (await advisor.get(`/api/calls?servicePointId=${w.point.id}`)).json().calls;
      expect(calls).toEqual([expect.objectContaining({ id: callId, status: 'open' })]);
      const board = (await advisor.get(`/api/service-points/${w.point.id}/status`)).json();
      expect(board.rooms).toEqual([expect.objectContaining({ id: w.room.id, state: 'call-open', callId })]);
    } finally {
      await restarted.close();
    }
  });

  it('manages buttons: the main admin registers (token once, only its hash kept), lists and revokes; others may not', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const created = await s.admin.post(`/api/rooms/${w.room.id}/buttons`, { name: 'Nappi ovella' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      button: { roomId: w.room.id, name: 'Nappi ovella', status: 'active' },
      token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      httpPath: `/api/buttons/${body.button.id}/press`,
      mqttTopic: `etapiste/buttons/${body.button.id}/press`,
    });
    const [row] = await t.ctx.db.select().from(callButtons).where(eq(callButtons.id, body.button.id));
    expect(row!.tokenHash).not.toContain(body.token);
    const list = await s.admin.get(`/api/rooms/${w.room.id}/buttons`);
    expect(list.json().buttons).toEqual([expect.objectContaining({ id: body.button.id, status: 'active' })]);
    expect(JSON.stringify(list.json())).not.toContain(body.token);
    expect((await s.coordinator.get(`/api/rooms/${w.room.id}/buttons`)).statusCode).toBe(200);
    expect((await s.coordinator.post(`/api/rooms/${w.room.id}/buttons`, { name: 'x' })).statusCode).toBe(403);
    expect((await s.advisor.post(`/api/buttons/${body.button.id}/revoke`)).statusCode).toBe(403);
    expect((await s.admin.post(`/api/rooms/${w.room.id}/buttons`, { name: '' })).statusCode).toBe(422);
    expect((await s.admin.post('/api/rooms/00000000-0000-4000-8000-000000000000/buttons', { name: 'x' })).statusCode).toBe(404);
    expect((await audits('call_button.created')).some((a) => a.targetId === body.button.id)).toBe(true);
    const count = await t.ctx.db.execute(sql`select count(*)::int as n from call_buttons where room_id = ${w.room.id}`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});
