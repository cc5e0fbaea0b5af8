import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { type SmsSink, type TestSmtp, startSmsSink, startTestSmtp } from '../../../../test/helpers/messaging.js';
import { bookingBody, bookingWorld, createInterpreter, workingDayAhead } from '../../../../test/helpers/scheduling.js';
import { auditEvents, customerMessages } from '../../db/schema/index.js';
import { type Jobs, createBoss, startJobs } from '../../jobs/boss.js';
import { zonedInstant } from '../scheduling/time.js';
import { deliverCustomerMessage } from './deliver-message.js';
import { dispatchDueMessages } from './dispatcher.js';
import { icsDateTime, parseIcs } from '../../../shared/ics.js';

const at = (day: string, time: string) => zonedInstant(day, time, 'Europe/Helsinki').toISOString();
const silent = pino({ level: 'silent' });
const POLL = { timeout: 20_000, interval: 50 };

type Booking = { id: string; reference: string; start: string; end: string };

/** The calendar part of a received e-mail, parsed: one value per property name. */
function calendarOf(mail: TestSmtp['received'][number]) {
  const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error('no text/calendar part');
  const text = part.content.toString('utf8');
  const props = parseIcs(text);
  return { text, get: (name: string) => props.find((p) => p.name === name)?.value };
}

describe.each(testDatabaseKinds)('customer messages on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let sms: SmsSink;
  let jobs: Jobs;
  let advisor: Client;
  let world: Awaited<ReturnType<typeof bookingWorld>>;

  beforeAll(async () => {
    [smtp, sms] = await Promise.all([startTestSmtp(), startSmsSink()]);
    t = await createTestApp(kind, {
      config: {
        smtpUrl: smtp.url,
        mailFrom: 'Etäpiste <noreply@etapiste.test>',
        smsGatewayUrl: sms.url,
        smsGatewayToken: 'sms-secret',
        messageRetrySeconds: 1,
        messageMaxAttempts: 4,
      },
    });
    world = await bookingWorld(t.ctx.db, { expertCount: 3, roomCount: 3 });
    await createInterpreter(t.ctx.db, ['fse']);
    advisor = await signIn(t.app, world.advisor.email);
    jobs = await startJobs(t.ctx, { log: silent, pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop().catch(() => undefined);
    await t?.close();
    await Promise.all([smtp?.close(), sms?.close()]);
  });

  let slot = 0;
  /**
   * A new customer (own address and number) booked through the API, three to a half-hour on one working day at
   * least three days ahead (so the reminder, 10:00 the working day before, is still to come).
   */
  async function book(extra: Record<string, unknown> = {}, customer: Record<string, string> = {}) {
    const n = Math.floor(slot++ / 3);
    const day = workingDayAhead(3);
    const time = `${String(9 + Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`;
    const email = `asiakas-${randomBytes(4).toString('hex')}@example.com`;
    const phone = `+35840${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`;
    const body = bookingBody(world, at(day, time), { ...extra, customer: { name: 'Maija Meikäläinen', email, phone, ...customer } });
    const res = await advisor.post('/api/bookings', body);
    expect(res.statusCode, res.body).toBe(201);
    return { booking: res.json() as Booking, email, phone, day };
  }

  const rowsOf = (bookingId: string) => t.ctx.db.select().from(customerMessages).where(eq(customerMessages.bookingId, bookingId));
  const statusOf = async (bookingId: string, kind: string, channel: string) =>
    (await rowsOf(bookingId)).filter((r) => r.kind === kind && r.channel === channel).map((r) => `v${r.bookingVersion}:${r.status}`);

  it('sends the confirmation once, by e-mail with an .ics and by SMS, in the booking language', async () => {
    const { booking, email, phone } = await book({ language: 'sv', interpretingLanguage: 'fse', note: 'Hemlig anteckning 123' });
    await expect.poll(() => smtp.to(email).length, POLL).toBe(1);
    await expect.poll(() => sms.to(phone).length, POLL).toBe(1);

    const mail = smtp.to(email)[0]!;
    expect(mail.parsed.subject).toMatch(/^Distansmöte bokat: /);
    expect(mail.parsed.from?.text).toContain('noreply@etapiste.test');
    const text = mail.parsed.text ?? '';
    expect(text).toContain(booking.reference);
    expect(text).toContain('skriv bokningskoden på pekskärmen i distansservicerummet');
    expect(text).toMatch(/Tid: (mån|tis|ons|tors|fre|lör|sön) \d{1,2}\.\d{1,2}\.\d{4} kl\. \d{1,2}\.\d{2}\n/);
    expect(text).not.toMatch(/UTC|\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('finskt teckenspråk');
    expect(text).toContain('30 min');
    // The Swedish message names the street in Swedish (per-language address, migration 0018).
    expect(text).toContain('Testgatan 1, 00100 Helsingfors');
    expect(text).not.toContain('Testikatu');
    expect(text).toContain('+358 9 123 4567');
    expect(mail.raw).not.toContain('Maija');
    expect(mail.raw).not.toContain('Hemlig anteckning');
    expect(mail.parsed.html).toContain(booking.reference);

    const cal = calendarOf(mail);
    expect(cal.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(cal.get('METHOD')).toBe('REQUEST');
    expect(cal.get('UID')).toBe(`${booking.id}@etapiste`);
    expect(cal.get('SEQUENCE')).toBe('1');
    expect(cal.get('DTSTART')).toBe(icsDateTime(new Date(booking.start)));
    expect(cal.get('DTEND')).toBe(icsDateTime(new Date(booking.end)));
    expect(cal.get('STATUS')).toBe('CONFIRMED');
    expect(mail.parsed.attachments.some((a) => a.filename?.endsWith('.ics'))).toBe(true);

    const message = sms.to(phone)[0]!;
    expect(message.reference).toBe(booking.reference);
    expect(message.text).toContain(booking.reference);
    expect(message.text).toMatch(/^Etäpiste: Distansmöte bokat/);
    expect(message.text.length).toBeLessThan(300);
    expect(message.text).not.toContain('Maija');
    expect(message.headers.authorization).toBe('Bearer sms-secret');

    await expect.poll(() => statusOf(booking.id, 'confirmation', 'email'), POLL).toEqual(['v1:sent']);
    await expect.poll(() => statusOf(booking.id, 'confirmation', 'sms'), POLL).toEqual(['v1:sent']);
    expect(await statusOf(booking.id, 'reminder', 'email')).toEqual(['v1:pending']);

    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'customer_message.sent'), eq(auditEvents.targetId, booking.id)));
    expect(audits.map((a) => `${a.actorType}:${a.details.kind}/${a.details.channel}`).sort()).toEqual([
      'system:confirmation/email',
      'system:confirmation/sms',
    ]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toMatch(/example\.com|\+358|Maija/);

    // More passes find nothing more to send.
    await Promise.all([jobs.dispatchMessages(), jobs.dispatchMessages()]);
    await jobs.dispatchMessages();
    expect(smtp.to(email)).toHaveLength(1);
    expect(sms.to(phone)).toHaveLength(1);
  });

  it('tells of a move with SEQUENCE 2 and of a cancellation with METHOD:CANCEL; stale reminders are skipped', async () => {
    const { booking, email, phone, day } = await book({ language: 'fi' });
    await expect.poll(() => smtp.to(email).length, POLL).toBe(1);
    await expect.poll(() => statusOf(booking.id, 'confirmation', 'sms'), POLL).toEqual(['v1:sent']);

    const moved = await advisor.patch(`/api/bookings/${booking.id}`, { start: at(day, '14:15') });
    expect(moved.statusCode, moved.body).toBe(200);
    await expect.poll(() => smtp.to(email).length, POLL).toBe(2);
    const change = smtp.to(email)[1]!;
    expect(change.parsed.subject).toMatch(/^Etätapaamisesi on muuttunut: /);
    expect(change.parsed.text).toContain('klo 14.15');
    const changeCal = calendarOf(change);
    expect(changeCal.get('METHOD')).toBe('REQUEST');
    expect(changeCal.get('SEQUENCE')).toBe('2');
    expect(changeCal.get('UID')).toBe(`${booking.id}@etapiste`);
    expect(changeCal.get('DTSTART')).toBe(icsDateTime(new Date(at(day, '14:15'))));
    await expect.poll(() => sms.to(phone).length, POLL).toBe(2);

    const cancelled = await advisor.post(`/api/bookings/${booking.id}/cancel`, { reason: 'Asiakas perui' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await expect.poll(() => smtp.to(email).length, POLL).toBe(3);
    const cancel = smtp.to(email)[2]!;
    expect(cancel.parsed.subject).toMatch(/^Etätapaamisesi on peruttu: /);
    expect(cancel.raw).not.toContain('Asiakas perui');
    const cancelCal = calendarOf(cancel);
    expect(cancelCal.get('METHOD')).toBe('CANCEL');
    expect(cancelCal.get('STATUS')).toBe('CANCELLED');
    expect(cancelCal.get('SEQUENCE')).toBe('3');
    expect(cancelCal.get('UID')).toBe(`${booking.id}@etapiste`);
    await expect.poll(() => sms.to(phone).length, POLL).toBe(3);

    // The reminders written for versions 1 and 2 come due: they are about a booking that no longer stands.
    await t.ctx.db.update(customerMessages).set({ sendAfter: sql`now() - interval '1 second'` }).where(eq(customerMessages.bookingId, booking.id));
    await jobs.dispatchMessages();
    await expect.poll(() => statusOf(booking.id, 'reminder', 'email'), POLL).toEqual(expect.arrayContaining(['v1:skipped', 'v2:skipped']));
    await expect.poll(() => statusOf(booking.id, 'reminder', 'sms'), POLL).toEqual(expect.arrayContaining(['v1:skipped', 'v2:skipped']));
    expect(smtp.to(email)).toHaveLength(3);
    expect(sms.to(phone)).toHaveLength(3);
  });

  it('sends a reminder that has come due', async () => {
    const { booking, email, phone } = await book({ language: 'en' });
    await expect.poll(() => statusOf(booking.id, 'confirmation', 'email'), POLL).toEqual(['v1:sent']);
    await expect.poll(() => statusOf(booking.id, 'confirmation', 'sms'), POLL).toEqual(['v1:sent']);
    await t.ctx.db
      .update(customerMessages)
      .set({ sendAfter: sql`now() - interval '1 second'` })
      .where(and(eq(customerMessages.bookingId, booking.id), eq(customerMessages.kind, 'reminder')));
    await jobs.dispatchMessages();
    await expect.poll(() => smtp.to(email).length, POLL).toBe(2);
    await expect.poll(() => sms.to(phone).length, POLL).toBe(2);
    const reminder = smtp.to(email)[1]!;
    expect(reminder.parsed.subject).toMatch(/^Reminder of your remote appointment: /);
    expect(reminder.parsed.text).toContain(booking.reference);
    expect(calendarOf(reminder).get('METHOD')).toBe('REQUEST');
    expect(calendarOf(reminder).get('SEQUENCE')).toBe('1');
    expect(sms.to(phone)[1]!.text).toMatch(/^Etäpiste: Reminder: remote appointment/);
    await expect.poll(() => statusOf(booking.id, 'reminder', 'sms'), POLL).toEqual(['v1:sent']);
  });

  it('sends every message exactly once with two job instances and racing workers', async () => {
    const second = await startJobs(t.ctx, { log: silent, pollingIntervalSeconds: 0.5 });
    try {
      const booked = [];
      for (let i = 0; i < 4; i++) booked.push(await book({ language: 'fi' }));
      await Promise.all([jobs.dispatchMessages(), second.dispatchMessages(), jobs.dispatchMessages(), second.dispatchMessages()]);
      for (const b of booked) {
        await expect.poll(() => smtp.to(b.email).length, POLL).toBe(1);
        await expect.poll(() => sms.to(b.phone).length, POLL).toBe(1);
      }
      await second.dispatchMessages();
      await jobs.dispatchMessages();
      for (const b of booked) {
        await expect.poll(() => statusOf(b.booking.id, 'confirmation', 'email'), POLL).toEqual(['v1:sent']);
        expect(smtp.to(b.email)).toHaveLength(1);
        expect(sms.to(b.phone)).toHaveLength(1);
      }
    } finally {
      await second.stop();
    }
  });

  it('delivers what was pending or queued when the jobs stopped, once, after a restart', async () => {
    await jobs.stop();
    const idle = await book({ language: 'fi' });
    // A job queued by an instance that stops before any worker takes it.
    const queued = await book({ language: 'sv' });
    const boss = createBoss(t.ctx.database);
    await boss.start();
    await dispatchDueMessages(t.ctx, boss);
    await boss.stop({ graceful: true });
    expect(await statusOf(idle.booking.id, 'confirmation', 'email')).toEqual(['v1:pending']);
    expect(await statusOf(queued.booking.id, 'confirmation', 'email')).toEqual(['v1:pending']);

    // Two workers handed the same row at the same moment: one sends, the other finds it taken.
    const [row] = await t.ctx.db
      .update(customerMessages)
      .set({ sendAfter: sql`now() - interval '1 second'` })
      .where(and(eq(customerMessages.bookingId, idle.booking.id), eq(customerMessages.kind, 'reminder'), eq(customerMessages.channel, 'email')))
      .returning();
    const sent: string[] = [];
    const fake = { send: async (to: string) => void (sent.push(to), await new Promise((r) => setTimeout(r, 50))), close: () => {} };
    const results = await Promise.all([deliverCustomerMessage(t.ctx, { email: fake }, row!.id), deliverCustomerMessage(t.ctx, { email: fake }, row!.id)]);
    expect(results.sort()).toEqual(['not-claimed', 'sent']);
    expect(sent).toEqual([idle.email]);

    // While no jobs run: a channel that is not configured marks its messages skipped.
    const unconfigured = await book({ language: 'en' });
    const [smsRow] = (await rowsOf(unconfigured.booking.id)).filter((r) => r.kind === 'confirmation' && r.channel === 'sms');
    expect(await deliverCustomerMessage(t.ctx, {}, smsRow!.id)).toBe('skipped');
    expect((await t.ctx.db.select().from(customerMessages).where(eq(customerMessages.id, smsRow!.id)))[0]).toMatchObject({ status: 'skipped', error: 'channel not configured' });

    jobs = await startJobs(t.ctx, { log: silent, pollingIntervalSeconds: 0.5 });
    for (const b of [idle, queued, unconfigured]) await expect.poll(() => smtp.to(b.email).length, POLL).toBe(1);
    for (const b of [idle, queued]) await expect.poll(() => sms.to(b.phone).length, POLL).toBe(1);
    await jobs.dispatchMessages();
    expect(smtp.to(idle.email)).toHaveLength(1);
    expect(smtp.to(queued.email)).toHaveLength(1);
    expect(sms.to(unconfigured.phone)).toHaveLength(0);
  });

  it('retries while the SMTP server refuses and delivers once when it accepts again', async () => {
    smtp.state.refuse = true;
    sms.state.failNext = 2;
    const refusedBefore = smtp.state.refused;
    const { booking, email, phone } = await book({ language: 'fi' });
    const emailRow = async () => (await rowsOf(booking.id)).find((r) => r.kind === 'confirmation' && r.channel === 'email')!;
    await expect.poll(async () => (await emailRow()).attempts, POLL).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await emailRow()).error ?? '', POLL).toContain('451');
    expect(smtp.state.refused).toBeGreaterThan(refusedBefore);
    expect(smtp.to(email)).toHaveLength(0);
    smtp.state.refuse = false;
    await expect.poll(() => smtp.to(email).length, { ...POLL, timeout: 30_000 }).toBe(1);
    await expect.poll(() => sms.to(phone).length, { ...POLL, timeout: 30_000 }).toBe(1);
    const row = await emailRow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    await jobs.dispatchMessages();
    expect(smtp.to(email)).toHaveLength(1);
    expect(sms.to(phone)).toHaveLength(1);
  });

  it('never re-sends when the outcome is unknown, and fails rows whose sending was interrupted', async () => {
    sms.state.dropNext = 1;
    const { booking, phone } = await book({ language: 'fi' });
    await expect.poll(() => statusOf(booking.id, 'confirmation', 'sms'), POLL).toEqual(['v1:failed']);
    expect(sms.to(phone)).toHaveLength(1);
    const [failed] = (await rowsOf(booking.id)).filter((r) => r.kind === 'confirmation' && r.channel === 'sms');
    expect(failed!.attempts).toBe(1);
    expect(failed!.error).not.toContain(phone);

    // A worker died after claiming a row: after ten minutes it is failed, not sent again.
    await t.ctx.db
      .update(customerMessages)
      .set({ status: 'sending', claimedAt: sql`now() - interval '11 minutes'`, sendAfter: sql`now() - interval '11 minutes'` })
      .where(and(eq(customerMessages.bookingId, booking.id), eq(customerMessages.kind, 'reminder'), eq(customerMessages.channel, 'email')));
    await t.ctx.db
      .update(customerMessages)
      .set({ status: 'sending', claimedAt: sql`now() - interval '1 minute'`, sendAfter: sql`now() - interval '1 minute'` })
      .where(and(eq(customerMessages.bookingId, booking.id), eq(customerMessages.kind, 'reminder'), eq(customerMessages.channel, 'sms')));
    await jobs.dispatchMessages();
    expect(await statusOf(booking.id, 'reminder', 'email')).toEqual(['v1:failed']);
    expect(await statusOf(booking.id, 'reminder', 'sms')).toEqual(['v1:sending']);
    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'customer_message.failed'), eq(auditEvents.targetId, booking.id)));
    expect(audits.map((a) => a.details.outcome).sort()).toEqual(['interrupted', 'unknown']);

    // Staff see which messages failed, so a person can call the customer; others see nothing of them.
    const listed = await advisor.get(`/api/customer-messages?bookingId=${booking.id}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const messages = listed.json().messages as { kind: string; channel: string; status: string; reference: string }[];
    expect(messages).toContainEqual(expect.objectContaining({ kind: 'confirmation', channel: 'sms', status: 'failed', reference: booking.reference }));
    expect(listed.body).not.toContain(phone.slice(4));
    const failedAtPoint = (await advisor.get(`/api/customer-messages?servicePointId=${world.point.id}&status=failed`)).json().messages as { bookingId: string }[];
    expect(failedAtPoint.map((m) => m.bookingId)).toContain(booking.id);
    const booker = await signIn(t.app, world.booker.email);
    expect((await booker.get(`/api/customer-messages?bookingId=${booking.id}`)).json().messages.length).toBeGreaterThan(0);
    const other = await bookingWorld(t.ctx.db);
    const outsider = await signIn(t.app, other.booker.email);
    expect((await outsider.get(`/api/customer-messages?bookingId=${booking.id}`)).json().messages).toEqual([]);
    expect((await advisor.get('/api/customer-messages')).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: `/api/customer-messages?bookingId=${booking.id}` })).statusCode).toBe(401);
  });
});
