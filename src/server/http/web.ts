import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webRoot = path.resolve(process.cwd(), 'dist/web');

/** Serves the built single-page app; any non-API path falls back to index.html for the client router. */
export async function registerWeb(app: FastifyInstance) {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn(`web app not built (${webRoot}); run npm run build`);
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1h', immutable: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.callNotFound();
    if (url.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
