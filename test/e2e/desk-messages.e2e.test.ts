import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, customerMessages } from '../../src/server/db/schema/index.js';
import { demoBooking } from './demo-bookings.js';
import { axeViolations, browserAvailable, newContext, shot, signInAs, suiteEnvironment } from './harness.js';
import { tr } from './ui.js';

/**
 * The UI never says "the customer is told" when nothing went out: e-mail goes to an SMTP port that refuses (one
 * attempt, so it fails at once) and SMS is not configured (so it is skipped). The booking shows each message's
 * real state, and the desk lists the failed one for a phone call.
 */
describe.skipIf(!browserAvailable)('messages to the customer at the desk', () => {
  const env = suiteEnvironment({ smtpUrl: 'smtp://127.0.0.1:1', smsGatewayUrl: undefined, messageMaxAttempts: 1 }, { jobs: true });

  it('a cancellation whose e-mail fails and whose SMS is not configured says so, and the desk lists it to phone', async () => {
    const db = env.server.database.db;
    const booking = await demoBooking(db, 'Kela', 'asiantuntija@kela.demo', 5 * 24 * 60);
    await db.update(bookings).set({ customerEmail: 'maija@example.test', customerPhone: '+358401234567' }).where(eq(bookings.id, booking.id));
    const page = await (await newContext(env.browser, env.server.url, 'en')).newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await signInAs(page, 'neuvoja2@porvoo.demo');
    await page.goto(`/desk/calendar/booking/${booking.id}`);
    await page.getByRole('button', { name: tr('en', 'calendar:actions.cancel') }).click();
    await page.getByLabel(new RegExp(`^${tr('en', 'calendar:cancel.reason')}`)).fill('Customer cancelled by phone');
    await page.getByRole('button', { name: tr('en', 'calendar:cancel.confirm') }).click();
    await page.getByText(tr('en', 'calendar:cancel.done')).waitFor();
    expect(await page.getByText(/customer is told/).count()).toBe(0);

    const messages = page.getByTestId('booking-messages');
    await messages.getByText('Cancellation, e-mail: failed – phone the customer').waitFor({ timeout: 30_000 });
    await messages.getByText('Cancellation, text message: not sent (the channel is not configured)').waitFor({ timeout: 30_000 });
    const rows = await db.select().from(customerMessages).where(eq(customerMessages.bookingId, booking.id));
    expect(rows.map((r) => `${r.kind}/${r.channel}/${r.status}`).sort()).toEqual(['cancellation/email/failed', 'cancellation/sms/skipped']);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/desk');
    const list = page.getByRole('region', { name: 'A message failed' });
    await list.getByRole('link', { name: new RegExp(`^Booking ${booking.reference}, `) }).click();
    await page.getByTestId('booking-reference').getByText(booking.reference).waitFor();
    await shot(page, 'desk-messages');
    expect(errors).toEqual([]);
  });
});
