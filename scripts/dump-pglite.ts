// Run by the build (scripts/build-server.mjs) through tsx: writes the migrated PGlite dump that an embedded server
// loads on its first start instead of running initdb and every migration (src/server/db/pglite-dump.ts).
import { dumpMigratedPglite, writeFileAtomically } from '../src/server/db/pglite-dump.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx scripts/dump-pglite.ts <file.tar.gz>');
writeFileAtomically(file, await dumpMigratedPglite('gzip', { jobsSchema: true }));
