import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webRoot = path.resolve(process.cwd(), 'dist/web');

/** Vite names everything under /assets/ by its content hash: a changed file is a new URL, so caches may keep it. */
const HASHED = `${path.sep}assets${path.sep}`;
const ONE_YEAR = 'public, max-age=31536000, immutable';

/**
 * Serves the built single-page app; any non-API path falls back to index.html for the client router.
 * The build writes .br and .gz beside each asset (vite.config.ts): the file the browser accepts is sent as it
 * is, with no compression work per request. Hashed assets are cached for a year; index.html (which names them)
 * is revalidated on every load, so a new build reaches browsers at once.
 */
export async function registerWeb(app: FastifyInstance) {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn(`web app not built (${webRoot}); run npm run build`);
    return;
  }
  // One wildcard route for /assets/* rather than a route per file: registering the ~460 files (and their .br and .gz)
  // one by one took ~100 ms of every start (STARTUP_TIMELINE=1). A file that is not there answers 404 either way.
  await app.register(fastifyStatic, {
    root: path.join(webRoot, 'assets'),
    prefix: '/assets/',
    index: false,
    preCompressed: true,
    maxAge: '1h',
    // Set after the static handler's own headers, so these win over maxAge (a header set before sendFile would not).
    setHeaders: (reply, file) => {
      if (file.includes(HASHED)) reply.header('cache-control', ONE_YEAR);
      // The file sent may be the precompressed copy (index.html.br, index.html.gz) once index.html passes 1 kB.
      else if (path.basename(file).replace(/\.(br|gz)$/, '') === 'index.html') reply.header('cache-control', 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.callNotFound();
    if (url.startsWith('/assets/')) return reply.callNotFound();
    return reply.sendFile('index.html', webRoot);
  });
}
