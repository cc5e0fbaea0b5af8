// Bundles the server into dist/server/server.js (entry dist/server/main.js, src/server/boot.ts) (plain Node, no TypeScript loader at run time: start-up ~2 s faster),
// with its npm dependencies inside: resolving and loading a few thousand small module files (drizzle-orm alone is
// hundreds) was a third of a reopened embedded start's CPU; bundled, start-up takes ~28% less CPU (bench/startup.ts).
// Left outside: native code (argon2), packages that read files beside themselves at run time (PGlite's wasm and
// data, swagger-ui's assets, swagger's package.json), pino (worker-thread transports) and optional drivers.
// copies the SQL migrations beside it, and writes a migrated PGlite dump there for the embedded first start.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/server', { recursive: true, force: true });
await build({
  // main.js is src/server/boot.ts, which adjusts util.getCallSites for pino and then imports the bundle, server.js.
  entryPoints: { main: 'src/server/boot.ts', server: 'src/server/main.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['argon2', '@electric-sql/pglite', '@electric-sql/pglite/*', '@fastify/swagger', '@fastify/swagger-ui', 'pino', 'thread-stream', 'pino-pretty', 'pg-native', './server.js'],
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __etapisteRequire } from 'node:module'; const require = __etapisteRequire(import.meta.url);" },
  sourcemap: true,
  // Positions only: the sources' text would make the map 22 MB, and --enable-source-maps parses it at start.
  sourcesContent: false,
  logLevel: 'warning',
});
cpSync('src/server/db/migrations', 'dist/server/migrations', { recursive: true });
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/dump-pglite.ts', 'dist/server/pglite-migrated.tar.gz'], { stdio: 'inherit' });
