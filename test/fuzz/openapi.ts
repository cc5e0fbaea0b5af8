import type { FastifyInstance } from 'fastify';

/** Just enough of JSON Schema / OpenAPI 3 to walk the app's own document. */
export type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  default?: unknown;
  'x-secret'?: boolean;
  $ref?: string;
};

export type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  /** The JSON body schema, when the route declares one. */
  body?: Schema;
};
/** A string leaf of a request: where it sits (`body`, `query`, `path`) and its key path. */
export type StringField = { in: 'body' | 'query' | 'path'; path: string[]; schema: Schema };

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({ method: method.toUpperCase() as Operation['method'], path, parameters: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema });
    }
  }
  return ops;
}

const isType = (s: Schema, t: string) => s.type === t || (Array.isArray(s.type) && s.type.includes(t));
const choices = (s: Schema) => [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];

/** Every string leaf of a schema (through objects, arrays, unions, records), with its key path (`*` = any). */
export function stringLeaves(schema: Schema | undefined, path: string[] = []): Array<{ path: string[]; schema: Schema }> {
  if (!schema) return [];
  const out: Array<{ path: string[]; schema: Schema }> = [];
  if (isType(schema, 'string')) out.push({ path, schema });
  for (const c of choices(schema)) out.push(...stringLeaves(c, path));
  for (const [key, prop] of Object.entries(schema.properties ?? {})) out.push(...stringLeaves(prop, [...path, key]));
  if (schema.items) out.push(...stringLeaves(schema.items, [...path, '0']));
  if (typeof schema.additionalProperties === 'object') out.push(...stringLeaves(schema.additionalProperties, [...path, 'key']));
  return out;
}

export function stringFields(op: Operation): StringField[] {
  const fields: StringField[] = op.parameters
    .filter((p) => p.in === 'path' || p.in === 'query')
    .flatMap((p) => stringLeaves(p.schema).map((l) => ({ in: p.in as 'path' | 'query', path: [p.name, ...l.path], schema: l.schema })));
  return [...fields, ...stringLeaves(op.body).map((l) => ({ in: 'body' as const, ...l }))];
}

/** A plausible value for a schema: the first enum value, a known id for an id field, a date in the future… */
export function sample(schema: Schema | undefined, key: string, ids: (key: string) => string, day: string): unknown {
  if (!schema) return undefined;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const options = choices(schema).filter((c) => !isType(c, 'null'));
  if (options.length > 0) return sample(options[0], key, ids, day);
  if (isType(schema, 'object')) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, k, ids, day)]));
  }
  if (isType(schema, 'array')) {
    return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, key.replace(/s$/, ''), ids, day));
  }
  if (isType(schema, 'boolean')) return true;
  if (isType(schema, 'integer') || isType(schema, 'number')) {
    const step = schema.multipleOf ?? 1;
    return Math.ceil((schema.minimum ?? 1) / step) * step;
  }
  if (isType(schema, 'string')) return sampleString(schema, key, ids, day);
  return undefined;
}

function sampleString(s: Schema, key: string, ids: (key: string) => string, day: string): string {
  if (s.format === 'uuid') return ids(key);
  if (s.format === 'date') return day;
  if (s.format === 'date-time') return `${day}T10:00:00+03:00`;
  const pattern = s.pattern ?? '';
  if (pattern.includes('[0-5]\\d')) return '10:00';
  if (pattern === '^\\d{6}$') return '123456';
  if (pattern === '^\\d{5}$') return '00100';
  if (pattern === '^\\d{7}-\\d$') return '1234567-8';
  if (pattern === '^[a-z]{2,3}$') return 'fi';
  if (pattern.startsWith('^[A-Za-z0-9_-]')) return 'A'.repeat(Math.max(16, s.minLength ?? 0));
  if (/email/i.test(key)) return 'fuzz@example.com';
  if (/phone/i.test(key)) return '040 123 4567';
  const text = 'Fuzz text value';
  return text.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? text.length);
}

/** The value with `leaf` replaced (array index `0` and record key `key` are created as needed). */
export function withLeaf(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  if (/^\d+$/.test(head)) {
    const arr = Array.isArray(value) ? [...value] : [];
    arr[Number(head)] = withLeaf(arr[Number(head)], rest, leaf);
    return arr;
  }
  const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  obj[head] = withLeaf(obj[head], rest, leaf);
  return obj;
}

/** The URL of an operation with its path parameters filled in and an optional query string. */
export function urlOf(op: Operation, params: Record<string, string>, query: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? name);
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}
