import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { type Operation, type StringField, loadOperations, sample, stringFields, urlOf, withLeaf } from './openapi.js';
import { fuzzWorld } from './world.js';

/** 131052-308T (DOMAIN.md's example) as people and word processors write it. */
const SPELLINGS: Array<[string, string]> = [
  ['plain', '131052-308T'],
  ['en dash', '131052\u2013308T'],
  ['em dash', '131052\u2014308T'],
  ['minus sign', '131052\u2212308T'],
  ['non-breaking hyphen', '131052\u2011308T'],
  ['hyphen', '131052\u2010308T'],
  ['figure dash', '131052\u2012308T'],
  ['fullwidth hyphen-minus', '131052\uFF0D308T'],
  ['zero-width space inside', '1310\u200B52-308T'],
  ['word joiner and BOM', '131052\u2060-308T\uFEFF'],
  ['fullwidth digits', '\uFF11\uFF13\uFF11\uFF10\uFF15\uFF12-\uFF13\uFF10\uFF18\uFF34'],
  ['spaces between parts', '131052 - 308 T'],
  ['spaces inside the date', '13 10 52-308T'],
  ['no-break spaces', '131052\u00A0-\u00A0308T'],
  ['line break', '131052-\n308T'],
  ['lower-case check letter', '131052-308t'],
  ['century sign A', '010101A901S'],
  ['century sign Y', '010594Y9021'],
  ['century sign E (2023)', '020502E902X'],
  ['lower-case century sign', '010101a901s'],
  ['inside a sentence', 'Asiakas 131052\u2013308T soitti'],
];

/** Ordinary numbers that must still be accepted in free text. */
const CONTROLS = [
  '040 123 4567',
  '+358 40 123 4567',
  '2026-02-13',
  '13.10.1952',
  'Varaus K7M4PQ klo 10.00–11.30',
  'FI21 1234 5600 0007 85',
  'Y-tunnus 1234567-8',
  '131052',
  '131052-308',
  '131052-308A',
  'Dnro 12/2026-0031',
  'Tilaus 0101 2026 A123',
];

/** Credentials: compared with a hash, never stored as typed (`secret()` in src/shared/common.ts). */
const SECRETS = [
  'DELETE /api/public/bookings/{token} path token',
  'GET /api/auth/oidc/callback query code',
  'GET /api/auth/oidc/callback query session_state',
  'GET /api/auth/oidc/callback query state',
  'GET /api/join/{code} path code',
  'GET /api/password-tokens/{token} path token',
  'GET /api/public/bookings/{token} path token',
  'PATCH /api/identity-providers/{id} body clientSecret',
  'PATCH /api/public/bookings/{token} path token',
  'POST /api/auth/login body password',
  'POST /api/auth/login body totp',
  'POST /api/auth/oidc/totp body totp',
  'POST /api/auth/set-password body password',
  'POST /api/auth/set-password body token',
  'POST /api/identity-providers body clientSecret',
  'POST /api/join/{code} body pin',
  'POST /api/join/{code} path code',
  'POST /api/me/mfa/confirm body code',
  'POST /api/terminal/pair body code',
];

describe.each(testDatabaseKinds)('henkilötunnus in every string field (%s)', (kind) => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof fuzzWorld>>;
  let fields: Array<{ op: Operation; field: StringField; label: string }>;

  beforeAll(async () => {
    t = await createTestApp(kind, { config: { logLevel: 'silent' } });
    world = await fuzzWorld(t);
    const ops = await loadOperations(t.app);
    fields = ops.flatMap((op) => stringFields(op).map((field) => ({ op, field, label: `${op.method} ${op.path} ${field.in} ${field.path.join('.')}` })));
  }, 120_000);
  afterAll(() => t?.close());

  /** The request with `text` in that one field and plausible values elsewhere. */
  function send(op: Operation, field: StringField, text: string) {
    const params = world.pathParams(op.path);
    let body = op.body ? sample(op.body, 'body', world.idFor, world.day) : undefined;
    let url: string;
    if (field.in === 'path') url = urlOf(op, { ...params, [field.path[0]!]: encodeURIComponent(text) });
    else if (field.in === 'query') url = urlOf(op, params, { [field.path[0]!]: text });
    else {
      url = urlOf(op, params);
      body = withLeaf(body, field.path, text);
    }
    const principal = world.principalsFor(op.path)[0]!;
    return principal.send({ method: op.method, url, ...(body !== undefined ? { payload: body as object } : {}) });
  }

  it('marks exactly the credentials as secret in the OpenAPI document', () => {
    const secret = fields.filter((f) => f.field.schema['x-secret']).map((f) => f.label);
    expect(secret.sort()).toEqual(SECRETS);
    expect(fields.length).toBeGreaterThan(200);
  });

  it('refuses a code in every other string field, in one of the spellings each (rotating)', async () => {
    const missed: string[] = [];
    const guarded = fields.filter((f) => !f.field.schema['x-secret']);
    for (const [i, { op, field, label }] of guarded.entries()) {
      const [spelling, text] = SPELLINGS[i % SPELLINGS.length]!;
      const res = await send(op, field, text);
      const problem = res.json() as { code?: string; errors?: Array<{ path: string }> };
      if (res.statusCode !== 422 || problem.code !== 'personal_id_forbidden' || problem.errors?.[0]?.path !== field.path.join('.')) {
        missed.push(`${label} (${spelling}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(missed).toEqual([]);
  }, 300_000);

  it.each(SPELLINGS)('refuses the %s spelling in a body, a query string and a path', async (_, text) => {
    const pick = (label: string) => fields.find((f) => f.label === label)!;
    for (const label of ['POST /api/bookings body customer.name', 'GET /api/bookings query q', 'POST /api/buttons/{id}/press path id']) {
      const { op, field } = pick(label);
      const res = await send(op, field, text);
      expect(res.statusCode, label).toBe(422);
      expect(res.json(), label).toMatchObject({ code: 'personal_id_forbidden', errors: [{ path: field.path.join('.'), code: 'personal_id_forbidden' }] });
    }
  });

  it('lets a code through a credential field (it is never stored)', async () => {
    const login = fields.find((f) => f.label === 'POST /api/auth/login body password')!;
    const res = await send(login.op, login.field, 'Salasana-131052-308T');
    expect(res.statusCode).toBe(401);
  });

  it.each(CONTROLS)('accepts ordinary numbers: %s', async (text) => {
    const interpreter = fields.find((f) => f.label === 'PATCH /api/interpreters/{id} body name')!;
    const res = await send(interpreter.op, interpreter.field, text);
    expect(res.statusCode, res.body).toBe(200);
    const search = fields.find((f) => f.label === 'GET /api/bookings query q')!;
    expect((await send(search.op, search.field, text)).statusCode).toBe(200);
  });
});
