import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SECRET_MARK } from '../../shared/common.js';
import { containsHetu } from '../../shared/hetu.js';
import { HttpProblem } from './problem.js';

/**
 * One gate every request passes before its schema is checked and any use case runs (a preValidation hook, so
 * routes cannot opt out and a new field cannot forget it). Every string of the body, query string and path
 * parameters — object keys too — is refused when it
 * - holds a NUL character or a lone UTF-16 surrogate: PostgreSQL cannot store either (a NUL fails on both
 *   databases, a lone surrogate fails on PGlite and is silently replaced on pg), so they are 422 here, never 500;
 * - holds a henkilötunnus in any spelling (`containsHetu`), unless the schema marks the field `secret()`:
 *   credentials are compared with a hash and never stored as typed.
 * And a PATCH whose body is an empty object is 422 `request.empty_patch`: one rule for every PATCH.
 */
export function registerInputGuard(app: FastifyInstance) {
  const secretsBySchema = new WeakMap<object, Path[]>();
  const secretsOf = (schema: unknown): Path[] => {
    if (!(schema instanceof z.ZodType)) return [];
    let paths = secretsBySchema.get(schema);
    if (!paths) secretsBySchema.set(schema, (paths = secretPaths(schema)));
    return paths;
  };

  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema;
    for (const [part, schemaKey] of PARTS) {
      const problem = inspect(request[part], secretsOf(schema?.[schemaKey]));
      if (problem) throw problem;
    }
    if (request.method === 'PATCH' && isEmptyObject(request.body)) {
      throw new HttpProblem(422, 'request.empty_patch', 'Unprocessable content', 'A change must name at least one field', []);
    }
  });
}

type Path = readonly string[];
const PARTS = [
  ['body', 'body'],
  ['query', 'querystring'],
  ['params', 'params'],
] as const satisfies ReadonlyArray<readonly [keyof FastifyRequest, string]>;

// Without the `u` flag these match UTF-16 code units, so a surrogate without its partner is found.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first problem in one part of a request. Walked without recursion, and each entry links to its parent
 * instead of copying its path, so a body nested 100,000 deep costs linear time and no stack.
 */
export function inspect(value: unknown, secrets: Path[]): HttpProblem | undefined {
  type Entry = { value: unknown; key?: string; parent?: Entry };
  const pathOf = (e: Entry | undefined): string[] => {
    const path: string[] = [];
    for (let at = e; at?.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const v = entry.value;
    if (typeof v === 'string') {
      const problem = textProblem(v, () => pathOf(entry), secrets);
      if (problem) return problem;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, key: String(i), parent: entry }));
    } else if (isPlainObject(v)) {
      for (const [key, item] of Object.entries(v)) {
        const child = { value: item, key, parent: entry };
        const problem = textProblem(key, () => pathOf(child), []);
        if (problem) return problem;
        stack.push(child);
      }
    }
  }
  return undefined;
}

/** A field's name for the answer; a path thousands of levels deep is cut short. */
const nameOf = (path: string[]) => (path.length > 32 ? [...path.slice(0, 32), '…'] : path).join('.');

function textProblem(text: string, pathOf: () => string[], secrets: Path[]): HttpProblem | undefined {
  if (UNSTORABLE.test(text)) {
    const field = nameOf(pathOf());
    return new HttpProblem(422, 'request.invalid_characters', 'Unprocessable content', 'The text holds characters that cannot be stored', [
      { path: field, message: 'contains a NUL character or an unpaired surrogate', code: 'request.invalid_characters' },
    ]);
  }
  if (containsHetu(text)) {
    const path = pathOf();
    if (isSecret(path, secrets)) return undefined;
    const field = nameOf(path);
    return new HttpProblem(422, 'personal_id_forbidden', 'Unprocessable content', 'Personal identity codes must not be stored', [
      { path: field, message: 'must not contain a personal identity code', code: 'personal_id_forbidden' },
    ]);
  }
  return undefined;
}

function isSecret(path: string[], secrets: Path[]): boolean {
  return secrets.some((s) => s.length === path.length && s.every((segment, i) => segment === '*' || segment === path[i]));
}

/**
 * Parsed JSON, and the query and params objects (whose prototype is a bare `Object.create(null)`), but not a
 * Buffer, stream or other class instance that an upload route's own parser leaves as the body.
 */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

const isEmptyObject = (v: unknown) => isPlainObject(v) && Object.keys(v).length === 0;

type LooseDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
};

/** Where a schema holds fields marked `secret()`: paths of keys, `*` for any array index or record key. */
export function secretPaths(schema: z.ZodType): Path[] {
  const out: Path[] = [];
  const visit = (s: z.ZodType | null | undefined, path: string[], depth: number) => {
    if (!s || depth > 32) return; // recursive (lazy) schemas: secrets sit near the top of a request
    if (z.globalRegistry.get(s)?.[SECRET_MARK]) {
      out.push(path);
      return;
    }
    const def = s._zod.def as unknown as LooseDef;
    const next = depth + 1;
    switch (def.type) {
      case 'object':
        for (const [key, field] of Object.entries(def.shape ?? {})) visit(field, [...path, key], next);
        return;
      case 'array':
        return visit(def.element, [...path, '*'], next);
      case 'record':
        return visit(def.valueType, [...path, '*'], next);
      case 'tuple':
        def.items?.forEach((item, i) => visit(item, [...path, String(i)], next));
        return visit(def.rest, [...path, '*'], next);
      case 'union':
        return def.options?.forEach((option) => visit(option, path, next));
      case 'intersection':
        visit(def.left, path, next);
        return visit(def.right, path, next);
      case 'pipe':
        visit(def.in, path, next);
        return visit(def.out, path, next);
      case 'lazy':
        return visit(def.getter?.(), path, next);
      default:
        return visit(def.innerType, path, next); // optional, nullable, default, readonly, catch…
    }
  };
  visit(schema, [], 0);
  return out;
}
