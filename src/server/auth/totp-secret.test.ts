import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { keyId } from '../crypto/aead.js';
import { users } from '../db/schema/index.js';
import { openTotpSecret, resealTotpSecrets, sealTotpSecret } from './totp-secret.js';
import { totpAt, totpStep } from './totp.js';

describe('TOTP secrets at rest', () => {
  it('seals a secret bound to its user: it does not show, and does not open for another user', () => {
    const config = { documentMasterKey: randomBytes(32) };
    const stored = sealTotpSecret(config, 'user-a', 'JBSWY3DPEHPK3PXP');
    expect(stored).toMatch(new RegExp(`^v1:${keyId(config.documentMasterKey)}:`));
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openTotpSecret(config, 'user-a', stored)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openTotpSecret(config, 'user-b', stored)).toThrow();
    expect(() => openTotpSecret({ documentMasterKey: randomBytes(32) }, 'user-a', stored)).toThrow();
  });
});

describe.each(testDatabaseKinds)('TOTP secrets in the database on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: true, config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());

  const stored = async (email: string) => (await t.ctx.db.select({ s: users.mfaSecret, id: users.id }).from(users).where(eq(users.email, email)))[0]!;
  const login = (totp: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'asiantuntija@dvv.demo', password: 'Etapiste-demo-2025', totp } });

  it('stores enrolled secrets sealed, seals an old plain one at the next sign-in, and reseals on master-key rotation', async () => {
    const c = await signIn(t.app, 'asiantuntija@dvv.demo');
    const { secret } = (await c.post('/api/me/mfa/setup')).json() as { secret: string };
    expect((await c.post('/api/me/mfa/confirm', { code: totpAt(secret, totpStep(Date.now())) })).statusCode).toBe(200);
    const sealed = await stored('asiantuntija@dvv.demo');
    expect(sealed.s).toMatch(/^v1:/);
    expect(sealed.s).not.toContain(secret);
    expect((await login(totpAt(secret, totpStep(Date.now()) + 1))).statusCode).toBe(200);

    // A secret stored in the clear before this change still works, and is sealed by that sign-in.
    await t.ctx.db.update(users).set({ mfaSecret: secret, mfaLastStep: null }).where(eq(users.id, sealed.id));
    expect((await login(totpAt(secret, totpStep(Date.now())))).statusCode).toBe(200);
    expect((await stored('asiantuntija@dvv.demo')).s).toMatch(/^v1:/);

    // A new master key: resealed under it, readable with it alone.
    const rotated = { documentMasterKey: randomBytes(32), documentMasterKeyPrevious: t.ctx.config.documentMasterKey };
    expect(await resealTotpSecrets(t.ctx.db, rotated)).toBeGreaterThanOrEqual(1);
    const after = await stored('asiantuntija@dvv.demo');
    expect(after.s).toMatch(new RegExp(`^v1:${keyId(rotated.documentMasterKey)}:`));
    expect(openTotpSecret({ documentMasterKey: rotated.documentMasterKey }, after.id, after.s!)).toBe(secret);
  });
});
