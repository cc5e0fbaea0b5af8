import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { secret } from '../../shared/common.js';
import { inspect, secretPaths } from './input-guard.js';

describe('secret paths of a schema', () => {
  it('finds marked fields through objects, arrays, optionals, pipes and unions', () => {
    const schema = z.strictObject({
      password: secret(z.string()),
      totp: secret(z.string()).optional(),
      nested: z.object({ token: secret(z.string()), name: z.string() }).nullable(),
      list: z.array(z.object({ pin: secret(z.string()) })),
      either: z.union([z.object({ code: secret(z.string()) }), z.object({ other: z.string() })]),
      piped: z.string().trim().pipe(secret(z.string())),
      note: z.string(),
    });
    expect(secretPaths(schema)).toEqual([['password'], ['totp'], ['nested', 'token'], ['list', '*', 'pin'], ['either', 'code'], ['piped']]);
  });
});

describe('inspecting a request part', () => {
  const problem = (value: unknown, secrets: string[][] = []) => {
    const p = inspect(value, secrets);
    return p && { status: p.status, code: p.code, path: p.errors?.[0]?.path };
  };

  it('names the field holding a NUL or a lone surrogate, and object keys too', () => {
    expect(problem({ a: { b: ['ok', 'x\u0000y'] } })).toEqual({ status: 422, code: 'request.invalid_characters', path: 'a.b.1' });
    expect(problem({ a: '\ud800' })).toEqual({ status: 422, code: 'request.invalid_characters', path: 'a' });
    expect(problem({ a: 'x\udc00' })).toEqual({ status: 422, code: 'request.invalid_characters', path: 'a' });
    expect(problem({ 'k\u0000': 1 })).toMatchObject({ code: 'request.invalid_characters', path: 'k\u0000' });
    expect(problem({ a: 'emoji \ud83d\ude00 is a valid pair' })).toBeUndefined();
  });

  it('refuses a henkilötunnus anywhere but in secret fields', () => {
    expect(problem({ list: [{ note: 'asiakas 131052\u2013308T' }] })).toEqual({ status: 422, code: 'personal_id_forbidden', path: 'list.0.note' });
    expect(problem({ list: [{ pin: '131052-308T' }] }, [['list', '*', 'pin']])).toBeUndefined();
    expect(problem({ '131052-308T': 'key' })).toMatchObject({ code: 'personal_id_forbidden' });
  });

  it('walks deep nesting without recursion and ignores buffers', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problem(deep)?.code).toBe('request.invalid_characters');
    expect(problem(Buffer.from([0, 0xd8, 0x00]))).toBeUndefined();
  });
});
