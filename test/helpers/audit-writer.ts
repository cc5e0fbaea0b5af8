// A process that writes audit events and is then killed before it seals them (audit chain tests). It opens the
// database given in argv (a PostgreSQL URL or a PGlite data folder), records N audit events through recordAudit,
// checks they are committed and unsealed, prints "WRITTEN <n>" and waits to be killed with SIGKILL. It starts no
// sealer: an app's sealer seals once at start, and under load that round could take some of the rows just written
// (the test then saw 24 unsealed rows of 25); a process killed between two rounds is what is tested.
// Usage: node --import tsx test/helpers/audit-writer.ts <postgres-url | pglite-dir> <n>
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../../src/server/db/client.js';
import { recordAudit } from '../../src/server/modules/audit/record.js';
import { pgliteTemplate } from '../pglite-template.js';

const [target, count] = process.argv.slice(2);
const database = target!.startsWith('postgres') ? await openPostgres(target!, 4) : await openPglite(target!, { loadDataDir: pgliteTemplate() });
await database.migrate();
const actor = { kind: 'system', component: 'audit-writer' } as const;
for (let i = 0; i < Number(count); i++) await recordAudit(database.db, actor, { action: 'test.crash_write', details: { i } });
const result = await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.crash_write' AND seal_seq IS NULL`);
process.stdout.write(`WRITTEN ${(result as unknown as { rows: { n: number }[] }).rows[0]!.n}\n`);
setInterval(() => undefined, 60_000);
