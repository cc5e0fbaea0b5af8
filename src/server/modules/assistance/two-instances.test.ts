import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, postgresInstance, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld, createButton } from '../../../../test/helpers/assistance.js';
import { type Message, connect, wsUrl } from '../../../../test/helpers/sockets.js';
import { mqttPressTopic } from '../../../shared/assistance.js';
import { calls } from '../../db/schema/index.js';
import { PostgresBus } from '../../realtime/postgres-bus.js';
import { startMqttButtons } from './mqtt-buttons.js';

const isCall = (id: string) => (m: Message) => {
  const e = m.event as { type?: string; id?: string } | undefined;
  return e?.type === 'call.changed' && e.id === id;
};

async function listening(t: TestApp) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  if (t.ctx.bus instanceof PostgresBus) await t.ctx.bus.ready();
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('calls across two app instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await postgresInstance(undefined, { config: { loginRatePerMinute: 1000 } });
    b = await postgresInstance(a, { config: { loginRatePerMinute: 1000 } });
    await listening(a);
    await listening(b);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a press handled by instance A alerts an advisor connected to instance B, and B reads the call', async () => {
    const w = await assistanceWorld(a.ctx.db);
    const admin = await signIn(a.app, w.admin.email);
    const button = await createButton(a.app, admin, w.room.id);
    const advisorOnB = await signIn(b.app, w.advisor.email);
    const desk = await connect(wsUrl(b.app), { cookie: advisorOnB.cookie });
    await desk.subscribe({ servicePointId: w.point.id });

    const started = performance.now();
    const pressed = await button.press();
    expect(pressed.statusCode).toBe(201);
    const { callId } = pressed.json();
    await desk.next(isCall(callId));
    console.log(`assistance: press on A → desk alert on B in ${(performance.now() - started).toFixed(1)} ms`);
    expect((await advisorOnB.get(`/api/calls?servicePointId=${w.point.id}`)).json().calls).toEqual([expect.objectContaining({ id: callId, status: 'open' })]);

    // Two advisors on different instances acknowledge at once: the database lets one win.
    const advisor2OnA = await signIn(a.app, w.advisor2.email);
    const [onA, onB] = await Promise.all([advisor2OnA.post(`/api/calls/${callId}/acknowledge`), advisorOnB.post(`/api/calls/${callId}/acknowledge`)]);
    expect([onA.statusCode, onB.statusCode].sort()).toEqual([200, 409]);
    await desk.next(isCall(callId));
    desk.close();
  });

  // Every instance listens to MQTT, as one shared subscription: each press is handled by exactly one of them.
  it.skipIf(!process.env.MQTT_URL)('handles each MQTT press once, whichever instance takes it', async () => {
    const group = `test-${randomBytes(4).toString('hex')}`;
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const listeners = [a, b].map((t) => startMqttButtons(t.ctx, { url: process.env.MQTT_URL!, log: silent, shareGroup: group }));
    const publisher = await mqtt.connectAsync(process.env.MQTT_URL!);
    try {
      await Promise.all(listeners.map((l) => l.ready()));
      const w = await assistanceWorld(a.ctx.db);
      const button = await createButton(a.app, await signIn(a.app, w.admin.email), w.room.id);
      const presses = 6;
      for (let i = 0; i < presses; i++) await publisher.publishAsync(mqttPressTopic(button.id), JSON.stringify({ token: button.token }), { qos: 1 });
      const handled = async () => (await a.ctx.db.select().from(calls).where(eq(calls.roomId, w.room.id)))[0]?.repeatCount;
      const deadline = Date.now() + 5_000;
      while (((await handled()) ?? -1) < presses - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      // Absence of duplicates can only be seen by giving them a moment to arrive.
      await new Promise((r) => setTimeout(r, 300));
      expect(await handled()).toBe(presses - 1);
    } finally {
      await publisher.endAsync();
      await Promise.all(listeners.map((l) => l.stop()));
    }
  });
});
