import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

function throttle(opts: { addressFree?: number; maxEntries?: number } = {}) {
  let now = 1_000_000;
  const t = new LoginThrottle(
    { freeFailures: 3, addressFreeFailures: opts.addressFree ?? 100, delayMs: 2000, maxDelayMs: 60_000, maxEntries: opts.maxEntries, now: () => now },
    randomBytes(32),
  );
  return { t, advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
  it('lets the free failures through, then doubles the wait per failure up to the cap', () => {
    const { t, advance } = throttle();
    const k = t.keysFor('Anna@Example.fi', '192.0.2.1', undefined);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      waits.push(t.waitMs(k));
      advance(t.waitMs(k));
      t.fail(k);
    }
    expect(waits).toEqual([0, 0, 0, 2000, 4000, 8000, 16_000, 32_000, 60_000]);
  });

  it('keys on the e-mail address however it is written, known or not', () => {
    const { t } = throttle();
    for (let i = 0; i < 3; i++) t.fail(t.keysFor(' ANNA@example.fi', `192.0.2.${i}`, undefined));
    expect(t.waitMs(t.keysFor('anna@example.fi', '198.51.100.7', undefined))).toBe(2000);
    expect(t.waitMs(t.keysFor('other@example.fi', '198.51.100.7', undefined))).toBe(0);
  });

  it('slows one client address guessing many e-mail addresses', () => {
    const { t } = throttle({ addressFree: 5 });
    for (let i = 0; i < 5; i++) t.fail(t.keysFor(`user${i}@example.fi`, '203.0.113.9', undefined));
    expect(t.waitMs(t.keysFor('new@example.fi', '203.0.113.9', undefined))).toBe(2000);
    expect(t.waitMs(t.keysFor('new@example.fi', '203.0.113.10', undefined))).toBe(0);
  });

  it('a success clears the account counter but not the address counter', () => {
    const { t, advance } = throttle({ addressFree: 4 });
    const k = t.keysFor('anna@example.fi', '192.0.2.1', undefined);
    for (let i = 0; i < 4; i++) t.fail(k);
    advance(t.waitMs(k));
    t.succeed(k);
    t.fail(k);
    expect(t.waitMs(t.keysFor('someone@example.fi', '192.0.2.1', undefined))).toBeGreaterThan(0);
    expect(t.waitMs(t.keysFor('anna@example.fi', '192.0.2.99', undefined))).toBe(0);
  });

  it("a browser that signed in before is counted apart from a stranger's failures", () => {
    const { t } = throttle();
    const desk = t.keysFor('anna@example.fi', '192.0.2.1', undefined);
    const cookie = t.deviceCookieAfterSuccess(desk, undefined);
    for (let i = 0; i < 6; i++) t.fail(t.keysFor('anna@example.fi', '203.0.113.9', undefined));
    expect(t.waitMs(t.keysFor('anna@example.fi', '192.0.2.1', undefined))).toBeGreaterThan(0);
    const trusted = t.keysFor('anna@example.fi', '192.0.2.1', cookie);
    expect(trusted.trustedDevice).toBe(true);
    expect(t.waitMs(trusted)).toBe(0);
    // The proof is bound to the account and cannot be forged.
    expect(t.keysFor('other@example.fi', '192.0.2.1', cookie).trustedDevice).toBe(false);
    expect(t.keysFor('anna@example.fi', '192.0.2.1', cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))).trustedDevice).toBe(false);
  });

  it('keeps proofs for a few accounts in one cookie (a shared desk computer)', () => {
    const { t } = throttle();
    let cookie: string | undefined;
    for (const email of ['a@x.fi', 'b@x.fi', 'a@x.fi']) cookie = t.deviceCookieAfterSuccess(t.keysFor(email, '192.0.2.1', cookie), cookie);
    expect(cookie!.split('~')).toHaveLength(2);
    expect(t.keysFor('a@x.fi', '192.0.2.1', cookie).trustedDevice).toBe(true);
    expect(t.keysFor('b@x.fi', '192.0.2.1', cookie).trustedDevice).toBe(true);
  });

  it('forgets failures an hour after the last one and holds a bounded number of entries', () => {
    const { t, advance } = throttle({ maxEntries: 50 });
    const k = t.keysFor('anna@example.fi', '192.0.2.1', undefined);
    for (let i = 0; i < 3; i++) t.fail(k);
    advance(3_600_001);
    expect(t.waitMs(k)).toBe(0);
    for (let i = 0; i < 200; i++) t.fail(t.keysFor(`u${i}@x.fi`, `192.0.2.${i % 250}`, undefined));
    expect(t.size).toBeLessThanOrEqual(50);
  });
});
