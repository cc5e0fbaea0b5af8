// A process that writes audit events and is then killed before it seals them (audit chain tests). It opens the
// database given in argv (a PostgreSQL URL or a PGlite data folder), builds the app with its sealer idle for an hour,
// records N audit events through recordAudit, checks they are committed and unsealed, prints "WRITTEN <n>" and waits
// to be killed with SIGKILL.
// Usage: node --import tsx test/helpers/audit-writer.ts <postgres-url | pglite-dir> <n>
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { openPglite, openPostgres } from '../../src/server/db/client.js';
import { recordAudit } from '../../src/server/modules/audit/record.js';
import { pgliteTemplate } from '../pglite-template.js';

const [target, count] = process.argv.slice(2);
const database = target!.startsWith('postgres') ? await openPostgres(target!, 4) : await openPglite(target!, { loadDataDir: pgliteTemplate() });
await database.migrate();
const app = await buildApp({ config: testConfig(), database, auditSealIntervalMs: 3_600_000 });
await app.ready();
const actor = { kind: 'system', component: 'audit-writer' } as const;
for (let i = 0; i < Number(count); i++) await recordAudit(database.db, actor, { action: 'test.crash_write', details: { i } });
const result = await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.crash_write' AND seal_seq IS NULL`);
process.stdout.write(`WRITTEN ${(result as unknown as { rows: { n: number }[] }).rows[0]!.n}\n`);
setInterval(() => undefined, 60_000);
