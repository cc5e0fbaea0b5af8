import { hkdfSync } from 'node:crypto';
import { eq, isNotNull } from 'drizzle-orm';
import type { Config } from '../config.js';
import { keyId, open, seal } from '../crypto/aead.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';

/**
 * TOTP secrets at rest: sealed with AES-256-GCM under a key derived from the master key (HKDF, its own purpose, so
 * it is never the key that wraps document keys), bound to the user. Stored as `v1:<master key id>:<base64>`; an
 * older plain secret still opens and is sealed at the next sign-in or master-key rotation.
 */
const PREFIX = 'v1';
const derive = (master: Buffer) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'etapiste totp secret v1', 32));
const aad = (userId: string) => `totp:${userId}`;

function masters(config: Pick<Config, 'documentMasterKey' | 'documentMasterKeyPrevious'>) {
  const list = [config.documentMasterKey, config.documentMasterKeyPrevious].filter((k): k is Buffer => !!k);
  return new Map(list.map((k) => [keyId(k), k]));
}

export function sealTotpSecret(config: Pick<Config, 'documentMasterKey'>, userId: string, secret: string): string {
  // Without a master key (tests of other things, a misconfigured dev setup) the secret stays plain, as before.
  if (!config.documentMasterKey) return secret;
  const sealed = seal(derive(config.documentMasterKey), Buffer.from(secret, 'utf8'), aad(userId));
  return `${PREFIX}:${keyId(config.documentMasterKey)}:${sealed.toString('base64')}`;
}

export function isSealedCurrent(config: Pick<Config, 'documentMasterKey'>, stored: string): boolean {
  return !!config.documentMasterKey && stored.startsWith(`${PREFIX}:${keyId(config.documentMasterKey)}:`);
}

/** The secret in the clear, for checking a code; throws when its master key is not configured. */
export function openTotpSecret(config: Pick<Config, 'documentMasterKey' | 'documentMasterKeyPrevious'>, userId: string, stored: string): string {
  if (!stored.startsWith(`${PREFIX}:`)) return stored;
  const [, id, body] = stored.split(':');
  const master = masters(config).get(id ?? '');
  if (!master || !body) throw new Error('the master key that sealed this TOTP secret is not configured');
  return open(derive(master), Buffer.from(body, 'base64'), aad(userId)).toString('utf8');
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
