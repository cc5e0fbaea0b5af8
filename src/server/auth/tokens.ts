import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Random bearer secrets are stored only as their SHA-256; they have enough entropy that no salt is needed. */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A pairing code typed on a touch screen: digits only, grouped for reading aloud. */
export function newPairingCode(): string {
  const digits = Array.from({ length: 8 }, () => randomInt(10)).join('');
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}
export const normalizePairingCode = (code: string) => code.replace(/\D/g, '');
