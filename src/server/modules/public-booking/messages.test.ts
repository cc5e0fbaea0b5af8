import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { type SmsSink, type TestSmtp, startSmsSink, startTestSmtp } from '../../../../test/helpers/messaging.js';
import { type PublicWorld, publicBody, publicClient, publicWorld } from '../../../../test/helpers/public-booking.js';
import { workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { type Jobs, startJobs } from '../../jobs/boss.js';
import { zonedInstant } from '../scheduling/time.js';

const at = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki').toISOString();
const POLL = { timeout: 30_000, interval: 100 };

describe.each(testDatabaseKinds)('public booking messages on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let sms: SmsSink;
  let jobs: Jobs;
  let w: PublicWorld;

  beforeAll(async () => {
    [smtp, sms] = await Promise.all([startTestSmtp(), startSmsSink()]);
    t = await createTestApp(kind, { config: { smtpUrl: smtp.url, smsGatewayUrl: sms.url, publicUrl: 'https://etapiste.example' } });
    w = await publicWorld(t.ctx.db);
    jobs = await startJobs(t.ctx, { log: pino({ level: 'silent' }), pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop().catch(() => undefined);
    await t?.close();
    await Promise.all([smtp?.close(), sms?.close()]);
  });

  it('the confirmation and the change carry the manage link by e-mail and SMS; the cancellation does not', async () => {
    const c = publicClient(t.app, '198.51.100.7');
    const day = workingDayAhead(8);
    const customer = { name: 'Stina Svensson', phone: '040 555 0101', email: 'stina@example.com' };
    const res = await c.post('/api/public/bookings', publicBody(w, at(day, '10:00'), { customer, language: 'sv' }));
    expect(res.statusCode, res.body).toBe(201);
    const { manageUrl, token, reference } = res.json();
    expect(manageUrl).toBe(`https://etapiste.example/tidsbokning/bokning/${token}`);

    await expect.poll(() => smtp.to('stina@example.com').length, POLL).toBe(1);
    await expect.poll(() => sms.to('+358405550101').length, POLL).toBe(1);
    const mail = smtp.to('stina@example.com')[0]!;
    expect(mail.parsed.text).toContain(manageUrl);
    expect(mail.parsed.text).toContain(reference);
    expect(mail.parsed.html).toContain(`href="${manageUrl}"`);
    const text = sms.to('+358405550101')[0]!.text;
    expect(text).toContain(manageUrl);
    expect(text.length).toBeLessThan(300);

    expect((await c.patch(`/api/public/bookings/${token}`, { start: at(day, '11:00') })).statusCode).toBe(200);
    await expect.poll(() => smtp.to('stina@example.com').length, POLL).toBe(2);
    expect(smtp.to('stina@example.com')[1]!.parsed.text).toContain(manageUrl);

    expect((await c.delete(`/api/public/bookings/${token}`)).statusCode).toBe(200);
    await expect.poll(() => smtp.to('stina@example.com').length, POLL).toBe(3);
    expect(smtp.to('stina@example.com')[2]!.raw).not.toContain(token);
  });
});
