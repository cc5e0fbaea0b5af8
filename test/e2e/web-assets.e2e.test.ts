import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '../../src/server/http/web.js';
import { type TestApp, createTestApp } from '../helpers/app.js';

// How the built app is sent (no browser needed): compressed as the client accepts, hashed files cached for a year,
// index.html revalidated so a new build is picked up at once.
describe('web assets', () => {
  let t: TestApp;
  let script: string;
  beforeAll(async () => {
    t = await createTestApp('pglite', { config: { serveWeb: true } });
    const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  });
  afterAll(() => t.close());

  it('serves /terminal as index.html that is revalidated on every load', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/terminal', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    // Past 1 kB index.html is sent precompressed too.
    const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
    expect(body).toContain(script);
  });

  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip', 'gzip'],
  ])('sends the entry script of /terminal precompressed (accept-encoding %s) with a one-year immutable lifetime', async (accept, encoding) => {
    const res = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const raw = readFileSync(path.join(webRoot, script));
    expect(res.rawPayload.length).toBeLessThan(raw.length / 2);
  });

  it('sends the plain file to a client that accepts no compression', async () => {
    const res = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'identity' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(readFileSync(path.join(webRoot, script)))).toBe(true);
  });
});
