import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
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
