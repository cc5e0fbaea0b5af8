import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { keyId } from '../../crypto/aead.js';

/**
 * The manage link's token is never stored. It is HMAC-SHA256(key, bookingId:nonce), the key derived by HKDF from
 * the master key for this purpose alone; the database keeps the nonce, the master key's id and SHA-256(token). So
 * a reader of the database cannot open anyone's booking, while every later message (change, reminder) can carry
 * the same link. A lookup hashes whatever was given and asks the unique index: the same work for any string.
 */
type Keys = Pick<Config, 'documentMasterKey' | 'documentMasterKeyPrevious'>;
const derive = (master: Buffer, purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32));
const LINK_PURPOSE = 'etapiste manage link v1';
const CLIENT_PURPOSE = 'etapiste public booking client v1';

function current(config: Keys): Buffer {
  if (!config.documentMasterKey) throw new Error('The master key is needed for manage links (main.ts resolves it at start)');
  return config.documentMasterKey;
}

const tokenFor = (master: Buffer, bookingId: string, nonce: string) => createHmac('sha256', derive(master, LINK_PURPOSE)).update(`${bookingId}:${nonce}`).digest('base64url');

export const hashManageToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function newManageLink(config: Keys, bookingId: string) {
  const master = current(config);
  const nonce = randomBytes(16).toString('base64url');
  const token = tokenFor(master, bookingId, nonce);
  return { token, row: { bookingId, nonce, keyId: keyId(master), tokenHash: hashManageToken(token) } };
}

/** The token again, for a message: under the master key that made it (the current or, during a rotation, the previous). */
export function recoverToken(config: Keys, link: { bookingId: string; nonce: string; keyId: string; tokenHash: string }): string | undefined {
  for (const master of [config.documentMasterKey, config.documentMasterKeyPrevious]) {
    if (!master || keyId(master) !== link.keyId) continue;
    const token = tokenFor(master, link.bookingId, link.nonce);
    if (hashManageToken(token) === link.tokenHash) return token;
  }
  return undefined;
}

/** The client address as the per-address limit counts it: a keyed hash, never the address itself. */
export const clientKey = (config: Keys, ip: string) => createHmac('sha256', derive(current(config), CLIENT_PURPOSE)).update(ip).digest('hex');
