import { eq, isNotNull } from 'drizzle-orm';
import type { Config } from '../config.js';
import { isSealed, isSealedUnder, openText, sealText } from '../crypto/sealed-text.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';

/**
 * TOTP secrets at rest: sealed (crypto/sealed-text.ts, its own purpose), bound to the user. An older plain secret
 * still opens and is sealed at the next sign-in or master-key rotation.
 */
const PURPOSE = 'totp secret';
const aad = (userId: string) => `totp:${userId}`;

export function sealTotpSecret(config: Pick<Config, 'documentMasterKey'>, userId: string, secret: string): string {
  // Without a master key (tests of other things, a misconfigured dev setup) the secret stays plain, as before.
  if (!config.documentMasterKey) return secret;
  return sealText(config.documentMasterKey, PURPOSE, aad(userId), secret);
}

export function isSealedCurrent(config: Pick<Config, 'documentMasterKey'>, stored: string): boolean {
  return isSealedUnder(config.documentMasterKey, stored);
}

/** The secret in the clear, for checking a code; throws when its master key is not configured. */
export function openTotpSecret(config: Pick<Config, 'documentMasterKey' | 'documentMasterKeyPrevious'>, userId: string, stored: string): string {
  if (!isSealed(stored)) return stored;
  return openText(config, PURPOSE, aad(userId), stored);
}

/** After a master-key rotation (or to seal plain ones): every TOTP secret sealed under the current master key. */
export async function resealTotpSecrets(db: Db, config: Pick<Config, 'documentMasterKey' | 'documentMasterKeyPrevious'>): Promise<number> {
  let resealed = 0;
  const rows = await db.select({ id: users.id, secret: users.mfaSecret }).from(users).where(isNotNull(users.mfaSecret));
  for (const row of rows) {
    if (!row.secret || isSealedCurrent(config, row.secret)) continue;
    const plain = openTotpSecret(config, row.id, row.secret);
    await db.update(users).set({ mfaSecret: sealTotpSecret(config, row.id, plain) }).where(eq(users.id, row.id));
    resealed++;
  }
  return resealed;
}
