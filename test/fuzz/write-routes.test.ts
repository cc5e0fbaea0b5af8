import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { type Operation, WRITE_METHODS, loadOperations, sample, stringFields, stringLeaves, urlOf, withLeaf } from './openapi.js';
import { type Principal, fuzzWorld, stateOf } from './world.js';

/**
 * Malformed input to every write route of the OpenAPI document (and every query parameter of every route), sent
 * by principals that may use the route: no answer is a 5xx, and no refused request changes a row.
 */
type Case = { kind: string; url: string; payload?: string; refuse?: { code: string; path: string } };

const NUL = 'ab\u0000cd';
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function casesFor(op: Operation, params: Record<string, string>, idFor: (key: string) => string, day: string): Case[] {
  const url = urlOf(op, params);
  const cases: Case[] = [];
  const base = op.body ? sample(op.body, 'body', idFor, day) : undefined;
  const json = (kind: string, value: unknown, refuse?: Case['refuse']) => cases.push({ kind, url, payload: JSON.stringify(value), refuse });

  if (WRITE_METHODS.has(op.method)) {
    const leaves = stringLeaves(op.body);
    const everyLeaf = (value: unknown) => leaves.reduce((v, leaf) => withLeaf(v, leaf.path, value), base);
    // NUL field by field, so each refusal is seen to name its field; the rest once per route, in every field at once.
    for (const leaf of leaves) {
      const path = leaf.path.join('.');
      json(`NUL in ${path}`, withLeaf(base, leaf.path, NUL), { code: 'request.invalid_characters', path });
      if (leaf.schema.format === 'date') json(`2026-02-30 in ${path}`, withLeaf(base, leaf.path, '2026-02-30'));
      if (leaf.schema.format === 'date-time') {
        json(`Feb 30 in ${path}`, withLeaf(base, leaf.path, '2026-02-30T10:00:00+02:00'));
        json(`25:61 in ${path}`, withLeaf(base, leaf.path, '2026-03-02T25:61:00+02:00'));
      }
      if (leaf.schema.pattern?.includes('[0-5]\\d')) json(`25:61 in ${path}`, withLeaf(base, leaf.path, '25:61'));
    }
    if (leaves.length > 0) {
      const last = leaves.at(-1)!.path;
      json('lone high surrogates everywhere', everyLeaf('ab\ud800cd'));
      json('a lone low surrogate', withLeaf(base, last, '\udfff'), { code: 'request.invalid_characters', path: last.join('.') });
      json('numbers for strings', everyLeaf(12345));
      json('objects for strings', everyLeaf({ nested: ['x'] }));
      json('huge strings', everyLeaf('x'.repeat(Math.min(200_000, Math.floor(800_000 / leaves.length)))));
      json('deep nesting in a field', withLeaf(base, leaves[0]!.path, JSON.parse(deepArray(500))));
      const keys = Object.keys(op.body?.properties ?? {});
      json('strings for every field', Object.fromEntries(keys.map((k) => [k, 'not the right type'])));
      json('null for every field', Object.fromEntries(keys.map((k) => [k, null])));
    }
    if (op.body) {
      json('empty object', {}, op.method === 'PATCH' ? { code: 'request.empty_patch', path: '' } : undefined);
      for (const v of [[], 'text', null]) json(`${JSON.stringify(v)} as body`, v);
      cases.push({ kind: 'deep object', url, payload: deepObject(5_000) });
      const rest = JSON.stringify(base ?? {}).slice(1);
      cases.push({ kind: '__proto__ key', url, payload: `{"__proto__":{"admin":true}${rest === '}' ? '' : ','}${rest}` });
      cases.push({ kind: 'constructor key', url, payload: `{"constructor":{"prototype":{"admin":true}}${rest === '}' ? '' : ','}${rest}` });
    } else {
      // Upload routes parse their own media types and press routes ignore bodies, so only "no 5xx" holds here.
      json('NUL in an undeclared body', { note: NUL });
    }
    cases.push({ kind: 'nested __proto__', url, payload: '{"a":{"__proto__":{"admin":true}},"b":[{"constructor":{"prototype":{"x":1}}}]}' });
    cases.push({ kind: 'deep array', url, payload: deepArray(20_000) });
    cases.push({ kind: 'over the body limit', url, payload: JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }) });
  }
  for (const field of stringFields(op).filter((f) => f.in !== 'body')) {
    const name = field.path[0]!;
    const at = (value: string) =>
      field.in === 'path' ? urlOf(op, { ...params, [name]: value }) : `${urlOf(op, params)}?${encodeURIComponent(name)}=${value}`;
    cases.push({ kind: `NUL in ${field.in} ${name}`, url: at('ab%00cd'), refuse: { code: 'request.invalid_characters', path: name } });
    // A uuid parameter refuses anything else by its format; the free-form ones (codes, tokens, q) get more.
    if (field.schema.format === 'uuid') continue;
    cases.push({ kind: `invalid UTF-8 in ${field.in} ${name}`, url: at('ab%ED%A0%80cd') });
    cases.push({ kind: `garbage in ${field.in} ${name}`, url: at(`not-${'x'.repeat(3000)}`) });
    if (field.in === 'query') cases.push({ kind: `repeated ${name}`, url: `${urlOf(op, params)}?${name}=a&${name}=b` });
  }
  return cases;
}

describe.each(testDatabaseKinds)('malformed input to every route (%s)', (kind) => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof fuzzWorld>>;
  let ops: Operation[];

  beforeAll(async () => {
    t = await createTestApp(kind, { config: { logLevel: 'silent' } });
    world = await fuzzWorld(t);
    ops = await loadOperations(t.app);
  }, 120_000);
  afterAll(() => t?.close());

  it('answers no 5xx and changes nothing when it refuses', async () => {
    const failures: string[] = [];
    const writeRoutes = ops.filter((op) => WRITE_METHODS.has(op.method));
    expect(writeRoutes.length).toBeGreaterThan(70);
    // Routes that delete or revoke go last, so the others still find what they address.
    const ordered = [...ops].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const op of ordered) {
      const cases = casesFor(op, world.pathParams(op.path), world.idFor, world.day);
      if (cases.length === 0) continue;
      // The first principal gets every case; where it was forbidden, the next role that may use the route tries.
      let pending = cases;
      for (const principal of world.principalsFor(op.path)) {
        if (pending.length === 0) break;
        pending = await runBatch(op, principal, pending, failures);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  /**
   * Sends the cases; when all were refused, one state comparison covers them, else each refusal is re-checked
   * alone. Returns the cases answered 403, for the next role.
   */
  async function runBatch(op: Operation, principal: Principal, cases: Case[], failures: string[]): Promise<Case[]> {
    const before = await stateOf(t.ctx.db);
    const refused: Case[] = [];
    const forbidden: Case[] = [];
    let accepted = false;
    for (const c of cases) {
      const res = await send(principal, op, c);
      const label = `${op.method} ${op.path} as ${principal.name}: ${c.kind}`;
      if (res.statusCode >= 500) failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (c.refuse && res.statusCode !== 429) {
        const problem = res.json() as { code?: string; errors?: Array<{ path: string }> };
        if (res.statusCode !== 422 || problem.code !== c.refuse.code || (problem.errors?.[0]?.path ?? '') !== c.refuse.path) {
          failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      if (res.statusCode === 403) forbidden.push(c);
      if (res.statusCode >= 400) refused.push(c);
      else accepted = true;
    }
    if (!accepted) {
      if ((await stateOf(t.ctx.db)) !== before) failures.push(`${op.method} ${op.path} as ${principal.name}: a refused request changed the database`);
      return forbidden;
    }
    for (const c of refused) {
      const state = await stateOf(t.ctx.db);
      const res = await send(principal, op, c);
      if (res.statusCode >= 400 && (await stateOf(t.ctx.db)) !== state) {
        failures.push(`${op.method} ${op.path} as ${principal.name}: ${c.kind} → ${res.statusCode} but changed the database`);
      }
    }
    return forbidden;
  }
});

function send(principal: Principal, op: Operation, c: Case) {
  return principal.send({
    method: op.method,
    url: c.url,
    ...(c.payload !== undefined ? { payload: c.payload, headers: { 'content-type': 'application/json' } } : {}),
  });
}
