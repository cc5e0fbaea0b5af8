import { describe, expect, it } from 'vitest';
import { containsHetu } from './hetu.js';

describe('henkilötunnus detection', () => {
  it.each([
    ['131052-308T', 'the example from DOMAIN.md'],
    ['010594Y9021', 'a 1900s code with a 2023 century letter'],
    ['020502E902X', 'a 2000s code with a 2023 century letter'],
    ['010101A901S', 'a 2000s code with A'],
    ['010190-900P', 'a temporary number'],
    ['Asiakas 131052-308t soitti', 'lower case inside a sentence'],
  ])('finds %s (%s)', (text) => {
    expect(containsHetu(text)).toBe(true);
  });

  it.each([
    ['131052-308A', 'wrong check character'],
    ['320152-308T', 'day 32 does not exist'],
    ['300252-1234', 'February 30th'],
    ['Varaus K7M4PQ klo 10.00', 'an ordinary note'],
    ['puh. 040 123 4567', 'a phone number'],
    ['131052G308T', 'an unknown century sign'],
  ])('ignores %s (%s)', (text) => {
    expect(containsHetu(text)).toBe(false);
  });
});
