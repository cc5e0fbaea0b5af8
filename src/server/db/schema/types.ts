import { customType } from 'drizzle-orm/pg-core';

/** Binary content (ciphertext, keys, files): bytea on both PGlite and PostgreSQL, Buffers in Node. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});
