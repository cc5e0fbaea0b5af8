import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { assistanceWorld, createButton, signInWorld } from '../../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { type Message, type TestSocket, connect, wsUrl } from '../../../../test/helpers/sockets.js';
import { mqttPressTopic } from '../../../shared/assistance.js';
import { auditEvents, calls } from '../../db/schema/index.js';
import { type MqttButtons, startMqttButtons } from './mqtt-buttons.js';

const MQTT_URL = process.env.MQTT_URL;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// The machine's broker (CI sets MQTT_URL=mqtt://127.0.0.1:1883); without one this suite is skipped.
describe.skipIf(!MQTT_URL).each(testDatabaseKinds)('call buttons over MQTT on %s', (kind) => {
  let t: TestApp;
  let listener: MqttButtons;
  let publisher: MqttClient;
  const open: TestSocket[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    // Its own share group, so another test run or a dev server on the same broker does not take these presses.
    listener = startMqttButtons(t.ctx, { url: MQTT_URL!, log: silent, shareGroup: `test-${randomBytes(4).toString('hex')}` });
    await listener.ready();
    publisher = await mqtt.connectAsync(MQTT_URL!, { clientId: `etapiste-test-${randomBytes(4).toString('hex')}` });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await publisher?.endAsync();
    await listener?.stop();
    await t?.close();
  });

  it('a press published to etapiste/buttons/<id>/press opens a call and alerts an advisor’s socket', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    const desk = await connect(wsUrl(t.app), { cookie: s.advisor.cookie });
    open.push(desk);
    await desk.subscribe({ servicePointId: w.point.id });

    await publisher.publishAsync(mqttPressTopic(button.id), JSON.stringify({ token: button.token }), { qos: 1 });
    const alert = await desk.next((m: Message) => (m.event as { type?: string } | undefined)?.type === 'call.changed');
    const [call] = await t.ctx.db.select().from(calls).where(eq(calls.roomId, w.room.id));
    expect(call).toMatchObject({ source: 'button', buttonId: button.id, status: 'open', repeatCount: 0 });
    expect(alert.event).toMatchObject({ id: call!.id, servicePointId: w.point.id });

    // A second press joins the call, as over HTTP.
    await publisher.publishAsync(mqttPressTopic(button.id), JSON.stringify({ token: button.token }), { qos: 1 });
    await until(async () => (await t.ctx.db.select().from(calls).where(eq(calls.id, call!.id)))[0]!.repeatCount === 1, 'the second press to join');
    const pressed = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'call.pressed'), eq(auditEvents.targetId, call!.id))).orderBy(asc(auditEvents.id));
    expect(pressed.map((a) => (a.details as { via: string }).via)).toEqual(['mqtt', 'mqtt']);
  });

  it('ignores a wrong token or a malformed message: nothing stored, the failed press audited', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const s = await signInWorld(t.app, w);
    const button = await createButton(t.app, s.admin, w.room.id);
    await publisher.publishAsync(mqttPressTopic(button.id), 'not json', { qos: 1 });
    await publisher.publishAsync(mqttPressTopic(button.id), JSON.stringify({ nope: true }), { qos: 1 });
    await publisher.publishAsync(mqttPressTopic(button.id), JSON.stringify({ token: 'guessed' }), { qos: 1 });
    await until(
      async () =>
        (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'call.pressed'), eq(auditEvents.targetId, button.id))).orderBy(asc(auditEvents.id))).find((a) => a.outcome === 'failure'),
      'the failed press to be audited',
    );
    // The listener is still there: a good press after the bad ones works.
    await publisher.publishAsync(mqttPressTopic(button.id), JSON.stringify({ token: button.token }), { qos: 1 });
    const [call] = await until(async () => {
      const rows = await t.ctx.db.select().from(calls).where(eq(calls.roomId, w.room.id));
      return rows.length ? rows : undefined;
    }, 'the good press');
    expect(call!.repeatCount).toBe(0);
  });
});
