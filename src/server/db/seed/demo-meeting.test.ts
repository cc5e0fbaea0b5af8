import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { bookings } from '../schema/index.js';
import { DEMO_PAIRING_CODE } from './demo.js';
import { ensureDemoMeetingBooking } from './demo-meeting.js';

describe.each(testDatabaseKinds)('the demo meeting booking on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true });
  });
  afterAll(() => t.close());

  it('is on now in the demo room, made once per start at most, and checks in at the paired kiosk', async () => {
    const reference = await ensureDemoMeetingBooking(t.ctx.db);
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    expect(await ensureDemoMeetingBooking(t.ctx.db)).toBe(reference);
    const [row] = await t.ctx.db.select().from(bookings).where(eq(bookings.reference, reference!));
    expect(row!.startsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row!.endsAt.getTime()).toBeGreaterThan(Date.now() + 20 * 60_000);

    const paired = await t.app.inject({ method: 'POST', url: '/api/terminal/pair', payload: { code: DEMO_PAIRING_CODE } });
    expect(paired.statusCode).toBe(200);
    const token = (paired.json() as { token: string }).token;
    const checkedIn = await t.app.inject({ method: 'POST', url: '/api/terminal/check-in', headers: { authorization: `Bearer ${token}` }, payload: { reference } });
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json().booking.id).toBe(row!.id);
  });
});
