import { randomInt } from 'node:crypto';

/** Letters and digits a customer cannot confuse on a touch keyboard (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G). */
const ALPHABET = 'ACDEFHJKMNPRTUVWXY34679';

/** A short booking reference: 6 characters, ~148 million combinations; uniqueness is enforced by an index. */
export function newReference(): string {
  return Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
