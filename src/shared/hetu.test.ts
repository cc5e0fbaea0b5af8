import { describe, expect, it } from 'vitest';
import { containsHetu, normalizeForHetuCheck } from './hetu.js';

describe('henkilötunnus detection', () => {
  it.each([
    ['131052-308T', 'the example from DOMAIN.md'],
    ['010594Y9021', 'a 1900s code with a 2023 century letter'],
    ['020502E902X', 'a 2000s code with a 2023 century letter'],
    ['010101A901S', 'a 2000s code with A'],
    ['010190-900P', 'a temporary number'],
    ['Asiakas 131052-308t soitti', 'lower case inside a sentence'],
    ['131052\u2013308T', 'en dash'],
    ['131052\u2014308T', 'em dash'],
    ['131052\u2212308T', 'minus sign'],
    ['131052\u2011308T', 'non-breaking hyphen'],
    ['131052\u2010308T', 'hyphen'],
    ['131052\u2012308T', 'figure dash'],
    ['131052\uFE63308T', 'small hyphen-minus'],
    ['131052\uFF0D308T', 'fullwidth hyphen-minus'],
    ['131052\u00AD308T', 'a soft hyphen for the separator'],
    ['1310\u200B52-308T', 'zero-width space'],
    ['131052\u200D-\u200C308T', 'zero-width joiners'],
    ['\uFEFF131052-30\u20608T', 'BOM and word joiner'],
    ['\uFF11\uFF13\uFF11\uFF10\uFF15\uFF12-\uFF13\uFF10\uFF18\uFF34', 'fullwidth digits and letter'],
    ['131052 - 308 T', 'spaces between the parts'],
    ['13 10 52-308T', 'spaces inside the date'],
    ['131052\u00A0-\u00A0308T', 'no-break spaces'],
    ['131052-\n308T', 'a line break'],
    ['131052\u2013\u2013308T', 'a doubled dash'],
    ['010101A1310 131052-308T', 'a valid code overlapping an invalid candidate'],
  ])('finds %s (%s)', (text) => {
    expect(containsHetu(text)).toBe(true);
  });

  it.each([
    ['131052-308A', 'wrong check character'],
    ['320152-308T', 'day 32 does not exist'],
    ['300252-1234', 'February 30th'],
    ['Varaus K7M4PQ klo 10.00', 'an ordinary note'],
    ['puh. 040 123 4567', 'a phone number'],
    ['+358 40 123 4567', 'an international phone number'],
    ['131052G308T', 'an unknown century sign'],
    ['131052308T', 'no separator at all'],
    ['2026-02-13 klo 10.00–11.30', 'a date and a time range'],
    ['FI21 1234 5600 0007 85', 'an IBAN'],
    ['Y-tunnus 1234567-8', 'a business id'],
    ['Dnro 12/2026-0031', 'a record number'],
    ['', 'nothing'],
  ])('ignores %s (%s)', (text) => {
    expect(containsHetu(text)).toBe(false);
  });
});

describe('normalising for the check', () => {
  it('folds every dash to a hyphen-minus and compatibility forms to ASCII', () => {
    expect(normalizeForHetuCheck('a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h\uFE58i\uFF0Dj')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(normalizeForHetuCheck('\uFF10\uFF19\uFF21\uFF0B')).toBe('09A+');
  });

  it('drops white space and invisible format characters', () => {
    expect(normalizeForHetuCheck(' a\tb\nc\u00A0d\u2009e\u3000f\u200Bg\u200Ch\u200Di\u2060j\uFEFFk\u200Em ')).toBe('abcdefghijkm');
  });

  it('is only a reading: the stored text is never the normalised one', () => {
    const text = 'Huone\u00A02 \u2013 kerros';
    normalizeForHetuCheck(text);
    expect(text).toBe('Huone\u00A02 \u2013 kerros');
  });
});
