/**
 * Finnish personal identity codes (henkilötunnus) must never be stored. This finds one inside free text:
 * DDMMYY, a century sign (+ for the 1800s; - Y X W V U for the 1900s; A B C D E F for the 2000s, the letters
 * beyond A and - added in 2023), a three-digit individual number and a check character.
 */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };
// A lookahead, so candidates may overlap: an invalid one (`010101A1310…`) cannot hide a valid one inside it.
const CANDIDATE = /(?=(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y]))/gi;

/**
 * Every character a word processor, a phone keyboard or a copy from a PDF puts where a hyphen was typed:
 * the Unicode dash punctuation (en dash, em dash, hyphen, non-breaking hyphen, figure dash…), the minus signs
 * and the soft hyphen (invisible, so it may stand for the separator itself).
 */
const DASHES = /[\p{Pd}\u2212\u2796\u02D7\u2043\u00AD]+/gu;
/** Format characters (zero-width space and joiners, word joiner, BOM, direction marks) and all white space. */
const INVISIBLE = /[\p{Cf}\s]+/gu;

/**
 * The text as the check reads it (never what is stored): NFKC folds fullwidth and other compatibility forms
 * (１３１０５２ → 131052, ＋ → +), every dash becomes '-', and invisible characters and spaces are dropped, so
 * `131052 – 308T` with a zero-width space inside still reads `131052-308T`.
 */
export function normalizeForHetuCheck(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-').replace(INVISIBLE, '');
}

export function isValidHetu(dd: string, mm: string, yy: string, sign: string, individual: string, check: string): boolean {
  const century = CENTURY[sign.toUpperCase()];
  if (century === undefined) return false;
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const n = Number(`${dd}${mm}${yy}${individual}`);
  return CHECK[n % 31] === check.toUpperCase();
}

/** True when the text holds a valid code in any spelling; the checksum keeps ordinary numbers from matching. */
export function containsHetu(text: string): boolean {
  for (const m of normalizeForHetuCheck(text).matchAll(CANDIDATE)) {
    if (isValidHetu(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!)) return true;
  }
  return false;
}
