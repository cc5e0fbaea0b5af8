import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Independent reads at once where that helps: on a pool each travels on its own connection. Inside a transaction
 * there is one connection, and queueing several queries on it is what pg deprecates (removed in pg 9), so there they
 * run one after another.
 */
export async function readTogether<const T extends readonly (() => Promise<unknown>)[]>(db: Db, reads: T): Promise<Results<T>> {
  if (db instanceof PgTransaction) {
    const out: unknown[] = [];
    for (const read of reads) out.push(await read());
    return out as Results<T>;
  }
  return (await Promise.all(reads.map((read) => read()))) as Results<T>;
}
