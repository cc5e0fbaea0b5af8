import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { parseTrustProxy } from './http/trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
  });

  it('takes a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
    expect(parseTrustProxy('11')).toEqual({ error: expect.stringContaining('at most 10') });
  });

  it('takes proxy addresses and CIDRs, IPv4 and IPv6', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('refuses "true" (every client would choose its own address) and anything that is not an address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: "true" would trust every client/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example.fi' })).toThrow(/TRUST_PROXY: not an IP address or CIDR: proxy.example.fi/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/10.0.0.0\/33/);
    expect(() => loadConfig({ TRUST_PROXY: '300.1.1.1' })).toThrow(/300.1.1.1/);
  });
});

describe('demo mode', () => {
  const production = { NODE_ENV: 'production', DOCUMENT_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };

  it('is off in production and on elsewhere unless set', () => {
    expect(loadConfig(production).demo).toBe(false);
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ ETAPISTE_DEMO: 'false' }).demo).toBe(false);
  });

  it('refuses to start in production with ETAPISTE_DEMO on, saying why', () => {
    for (const on of ['true', '1']) {
      expect(() => loadConfig({ ...production, ETAPISTE_DEMO: on })).toThrow(
        /Invalid configuration:\n {2}ETAPISTE_DEMO: demo mode cannot run with NODE_ENV=production/,
      );
    }
    expect(loadConfig({ ...production, ETAPISTE_DEMO: 'false' }).demo).toBe(false);
  });
});

describe('sign-in throttling settings', () => {
  it('has defaults and a cap no lower than the first delay', () => {
    const c = loadConfig({});
    expect([c.loginFreeFailures, c.loginAddressFreeFailures, c.loginDelaySeconds, c.loginMaxDelaySeconds]).toEqual([5, 20, 2, 300]);
    expect(loadConfig({ LOGIN_DELAY_SECONDS: '60', LOGIN_MAX_DELAY_SECONDS: '10' }).loginMaxDelaySeconds).toBe(60);
  });
});
