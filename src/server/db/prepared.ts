import { createHash } from 'node:crypto';
import { is, Param, Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** The parts of a Drizzle database that run a statement under a name (both drivers have them). */
type Internals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
};

const names = new Map<string, string>();

/**
 * Runs a raw statement as a named prepared statement on PostgreSQL (node-postgres prepares it once per connection
 * and then only binds and executes it: the server parses and analyses it once, and after five runs may keep a
 * generic plan instead of planning each time). The name is derived from the text, so each shape of a statement built
 * with optional parts is its own statement. PGlite runs it as usual. Not for a pooler in transaction mode.
 */
export async function executePrepared(db: Db, query: SQL): Promise<Record<string, unknown>[]> {
  const { dialect, session } = db as unknown as Internals;
  const built = dialect.sqlToQuery(query);
  let name = names.get(built.sql);
  if (!name) {
    if (names.size > 1000) names.clear();
    names.set(built.sql, (name = `etapiste_${createHash('sha1').update(built.sql).digest('hex').slice(0, 20)}`));
  }
  const result = await session.prepareQuery(built, undefined, name, false).execute();
  return (result as { rows: Record<string, unknown>[] }).rows;
}

type Slot = { name: string; encode?: (value: unknown) => unknown } | { value: unknown };
type Built = { sql: string; slots: Slot[]; name: string };
type ParamChunk = { value: unknown; encoder?: { mapToDriverValue(value: unknown): unknown } };

/**
 * A statement whose text is built once per shape, with `sql.placeholder(name)` where its values go; each run only
 * fills in the values (no Drizzle query building per request, which was a good part of a booking's Node CPU) and
 * runs it as a named prepared statement like executePrepared. `shape` names the variant `build` makes (statements
 * with optional parts have one shape each); build must give the same text for the same shape.
 */
export function preparedStatement<Shape extends string, Values extends Record<string, unknown>>(build: (shape: Shape) => SQL) {
  const shapes = new Map<Shape, Built>();
  return async (db: Db, shape: Shape, values: Values): Promise<Record<string, unknown>[]> => {
    const { dialect, session } = db as unknown as Internals;
    let built = shapes.get(shape);
    if (!built) {
      const query = dialect.sqlToQuery(build(shape));
      const slots = query.params.map((p): Slot => {
        if (is(p, Placeholder)) return { name: p.name };
        const param = p as ParamChunk;
        if (is(p, Param) && is(param.value, Placeholder)) return { name: param.value.name, encode: (v) => param.encoder!.mapToDriverValue(v) };
        return { value: p };
      });
      built = { sql: query.sql, slots, name: `etapiste_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}` };
      shapes.set(shape, built);
    }
    const params = built.slots.map((s) => {
      if ('value' in s) return s.value;
      if (!(s.name in values)) throw new Error(`no value for ${s.name}`);
      const v = values[s.name];
      return s.encode && v !== null && v !== undefined ? s.encode(v) : v;
    });
    const result = await session.prepareQuery({ sql: built.sql, params }, undefined, built.name, false).execute();
    return (result as { rows: Record<string, unknown>[] }).rows;
  };
}
