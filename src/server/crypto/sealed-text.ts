import { hkdfSync } from 'node:crypto';
import type { Config } from '../config.js';
import { keyId, open, seal } from './aead.js';

/**
 * Short secrets at rest (TOTP secrets, identity providers' client secrets, ID tokens kept for sign-out): sealed with
 * AES-256-GCM under a key derived from the master key by HKDF for one purpose, so no purpose's key is ever the one
 * wrapping document keys. Stored as `v1:<master key id>:<base64>`; the associated data binds a value to its row.
 */
const PREFIX = 'v1';
type Keys = Pick<Config, 'documentMasterKey' | 'documentMasterKeyPrevious'>;

const derive = (master: Buffer, purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `etapiste ${purpose} v1`, 32));

function masters(config: Keys) {
  const list = [config.documentMasterKey, config.documentMasterKeyPrevious].filter((k): k is Buffer => !!k);
  return new Map(list.map((k) => [keyId(k), k]));
}

export function sealText(master: Buffer, purpose: string, aad: string, plain: string): string {
  return `${PREFIX}:${keyId(master)}:${seal(derive(master, purpose), Buffer.from(plain, 'utf8'), aad).toString('base64')}`;
}

export const isSealed = (stored: string) => stored.startsWith(`${PREFIX}:`);

export function isSealedUnder(master: Buffer | undefined, stored: string): boolean {
  return !!master && stored.startsWith(`${PREFIX}:${keyId(master)}:`);
}

/** The value in the clear; throws when the master key that sealed it is not configured (or it was tampered with). */
export function openText(config: Keys, purpose: string, aad: string, stored: string): string {
  const [, id, body] = stored.split(':');
  const master = masters(config).get(id ?? '');
  if (!master || !body) throw new Error(`the master key that sealed this ${purpose} is not configured`);
  return open(derive(master, purpose), Buffer.from(body, 'base64'), aad).toString('utf8');
}
