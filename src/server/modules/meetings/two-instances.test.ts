import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, postgresInstance, signIn } from '../../../../test/helpers/app.js';
import { assistanceWorld, bookingNow, pairTerminal } from '../../../../test/helpers/assistance.js';
import { bigSdp, ofType, signalSocket } from '../../../../test/helpers/meetings.js';

async function instance(first?: TestApp): Promise<TestApp> {
  const t = await postgresInstance(first, { config: { loginRatePerMinute: 1000 } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return t;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a meeting across app instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let c: TestApp | undefined;
  beforeAll(async () => {
    a = await instance();
    b = await instance(a);
  });
  afterAll(async () => {
    await c?.close();
    await b?.close().catch(() => undefined);
    await a?.close();
  });

  it('relays signalling between instances and survives the restart of the kiosk’s instance without a new admit', async () => {
    const w = await assistanceWorld(a.ctx.db);
    const admin = await signIn(a.app, w.admin.email);
    const terminal = await pairTerminal(a.app, admin, w.room.id);
    const expert = await signIn(a.app, w.expert.email);
    const booking = await bookingNow(a.ctx.db, w, 'checked-in');
    const meeting = (await expert.post(`/api/bookings/${booking.id}/meeting`)).json();

    const host = await signalSocket(a.app, meeting.id, { cookie: expert.cookie });
    const hostId = ((await host.next(ofType('welcome'))).self as { participantId: string }).participantId;
    const kiosk = await signalSocket(b.app, meeting.id, { terminalToken: terminal.token });
    const kioskId = ((await kiosk.next(ofType('welcome'))).self as { participantId: string }).participantId;

    expect((await expert.post(`/api/meetings/${meeting.id}/admit`)).statusCode).toBe(200);
    await kiosk.next(ofType('admitted')); // admitted on A, heard on B
    expect(await host.next(ofType('peer'))).toMatchObject({ state: 'online', peer: { participantId: kioskId } });

    // A session description far over NOTIFY's 8000-byte limit crosses intact.
    const offer = bigSdp('offer');
    expect(JSON.stringify(offer).length).toBeGreaterThan(8000);
    host.send({ type: 'signal', to: kioskId, data: { description: offer } });
    expect((await kiosk.next(ofType('signal'))).data).toEqual({ description: offer });
    kiosk.send({ type: 'chat', text: 'Kuuluu hyvin' });
    expect(await host.next(ofType('chat'))).toMatchObject({ text: 'Kuuluu hyvin', from: { participantId: kioskId } });

    // The kiosk's instance goes away (a deploy); the kiosk reconnects to another one and is still let in.
    await b.close();
    expect((await kiosk.closed()).code).toBe(1001);
    expect(await host.next(ofType('peer'))).toMatchObject({ state: 'offline', peer: { participantId: kioskId } });
    c = await instance(a);
    const again = await signalSocket(c.app, meeting.id, { terminalToken: terminal.token });
    expect((await again.next(ofType('welcome'))).self).toMatchObject({ participantId: kioskId, admitted: true });
    expect(await host.next(ofType('peer'))).toMatchObject({ state: 'online', peer: { participantId: kioskId } });
    again.send({ type: 'signal', to: hostId, data: { hello: true } });
    expect((await host.next(ofType('signal'))).data).toEqual({ hello: true });

    expect((await expert.post(`/api/meetings/${meeting.id}/end`, { outcome: 'completed' })).statusCode).toBe(200);
    expect(await again.next(ofType('ended'))).toMatchObject({ outcome: 'completed' });
    host.close();
  });
});
