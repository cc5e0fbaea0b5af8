import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';

/**
 * Sign-in throttling (docs/architecture.md, "Authentication"). Failures are counted per e-mail address (known or
 * not: the same rule, so answers never tell which addresses have accounts) and per client address; past the free
 * failures every further attempt must wait a delay that doubles per failure, up to a cap. An attempt made too soon
 * is answered 429 without looking at the password. A browser that signed in to the account before carries a device
 * cookie and is counted apart, so a stranger's failures do not keep the advisor out of their own desk.
 *
 * State is in this process's memory, keyed by a salted hash (no e-mail addresses kept). Each instance counts for
 * itself: behind a proxy spreading requests over n instances an attacker gets about n times the attempts, which
 * the doubling delay turns into a few extra tries.
 */
export type ThrottleOptions = {
  freeFailures: number;
  addressFreeFailures: number;
  delayMs: number;
  maxDelayMs: number;
  /** A key's failures are forgotten this long after the last one. */
  forgetMs?: number;
  maxEntries?: number;
  now?: () => number;
};

type Entry = { failures: number; nextAt: number; lastAt: number };
type Key = { id: string; free: number };
export type ThrottleKeys = { keys: Key[]; email: string; trustedDevice: boolean };

export const DEVICE_COOKIE = 'etapiste_device';
const DEVICES_KEPT = 5;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly salt = randomBytes(16);
  private readonly deviceKey: Buffer;
  private readonly now: () => number;

  constructor(
    private readonly opts: ThrottleOptions,
    masterKey?: Buffer,
  ) {
    this.now = opts.now ?? Date.now;
    // Derived from the master key so that every instance accepts the cookie another one issued.
    this.deviceKey = masterKey ? Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'etapiste login device v1', 32)) : randomBytes(32);
  }

  static fromConfig(config: Config, now?: () => number): LoginThrottle {
    return new LoginThrottle(
      {
        freeFailures: config.loginFreeFailures,
        addressFreeFailures: config.loginAddressFreeFailures,
        delayMs: config.loginDelaySeconds * 1000,
        maxDelayMs: config.loginMaxDelaySeconds * 1000,
        now,
      },
      config.documentMasterKey,
    );
  }

  /** The counters an attempt for `email` from `address` is judged by. */
  keysFor(email: string, address: string, deviceCookie: string | undefined): ThrottleKeys {
    const normal = email.trim().toLowerCase();
    const account = this.hash(`e:${normal}`);
    const device = this.trustedDevice(normal, deviceCookie);
    if (device) return { email: normal, trustedDevice: true, keys: [{ id: `${account}:${device}`, free: this.opts.freeFailures }] };
    return {
      email: normal,
      trustedDevice: false,
      keys: [
        { id: account, free: this.opts.freeFailures },
        { id: this.hash(`a:${address}`), free: this.opts.addressFreeFailures },
      ],
    };
  }

  /** Milliseconds until another attempt may be judged (0: now). */
  waitMs(k: ThrottleKeys): number {
    const now = this.now();
    return Math.max(0, ...k.keys.map((key) => (this.live(key.id, now)?.nextAt ?? now) - now));
  }

  fail(k: ThrottleKeys): void {
    const now = this.now();
    for (const key of k.keys) {
      const entry = this.live(key.id, now) ?? { failures: 0, nextAt: now, lastAt: now };
      entry.failures += 1;
      entry.lastAt = now;
      const over = entry.failures - key.free;
      if (over >= 0) entry.nextAt = now + Math.min(this.opts.maxDelayMs, this.opts.delayMs * 2 ** Math.min(over, 30));
      this.entries.delete(key.id); // re-inserted last: the Map's order is then least recently failed first
      this.entries.set(key.id, entry);
    }
    while (this.entries.size > (this.opts.maxEntries ?? 100_000)) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The account's counter starts over; the address's does not (one good account must not clear a guesser's address). */
  succeed(k: ThrottleKeys): void {
    this.entries.delete(k.keys[0]!.id);
  }

  /** The device cookie after a successful sign-in: this browser's proofs, the newest first. */
  deviceCookieAfterSuccess(k: ThrottleKeys, previous: string | undefined): string {
    const nonce = randomBytes(12).toString('base64url');
    const proof = `${nonce}.${this.mac(k.email, nonce)}`;
    const others = (previous ?? '').split('~').filter((p) => /^[\w-]+\.[\w-]+$/.test(p) && !this.proofMatches(k.email, p));
    return [proof, ...others].slice(0, DEVICES_KEPT).join('~');
  }

  get size(): number {
    return this.entries.size;
  }

  private trustedDevice(email: string, cookie: string | undefined): string | undefined {
    const proof = (cookie ?? '').split('~').find((p) => this.proofMatches(email, p));
    return proof?.split('.')[0];
  }

  private proofMatches(email: string, proof: string): boolean {
    const [nonce, mac] = proof.split('.');
    if (!nonce || !mac) return false;
    const expected = Buffer.from(this.mac(email, nonce));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(email: string, nonce: string): string {
    return createHmac('sha256', this.deviceKey).update(`${email}\n${nonce}`).digest('base64url');
  }

  private hash(value: string): string {
    return createHash('sha256').update(this.salt).update(value).digest('base64url');
  }

  private live(id: string, now: number): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && now - entry.lastAt > (this.opts.forgetMs ?? 3_600_000) && now >= entry.nextAt) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }
}
