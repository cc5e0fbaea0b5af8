// The built server's entry (dist/server/main.js; scripts/build-server.mjs): one adjustment before the bundle loads.
// pino looks up its caller's file with util.getCallSites() each time a logger is made; under --enable-source-maps
// (as `npm start` runs) Node then maps those call sites, which parses the bundle's whole source map (8 MB) at every
// start: seconds of CPU on a loaded machine (bench/startup.ts). pino needs only the file names, which the unmapped
// call sites give too. Stack traces of errors are still mapped; the map is parsed when the first one is printed.
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { startupMark } from './ops/startup-timeline.js';

startupMark('node started, boot entry');

type GetCallSites = (...args: unknown[]) => unknown;
const node = util as unknown as { getCallSites?: GetCallSites };
const getCallSites = node.getCallSites;
if (typeof getCallSites === 'function') {
  // pino takes a reference when it loads, so this runs before the bundle (and pino) is imported.
  node.getCallSites = (...args: unknown[]) => (args.length === 0 ? getCallSites({ sourceMap: false }) : getCallSites(...args));
}

// V8's compiled code for the bundle (14 MB of JavaScript), kept on disk beside it: a later start reuses it instead of
// compiling the bundle again (bench/startup.ts). Node validates each entry against the file's contents; a read-only
// dist folder only means no cache.
(module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(path.join(path.dirname(fileURLToPath(import.meta.url)), '.compile-cache'));

// @ts-expect-error the bundle exists only in dist/server, beside this file once built
await import('./server.js');
