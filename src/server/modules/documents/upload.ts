import type { FastifyRequest } from 'fastify';
import { tooLarge } from './files.js';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Reads a raw request body into memory up to `limit` bytes. A larger body is answered 422 `document.too_large`
 * (the same problem as any other refused file) after draining it — or at once when its declared length is far
 * beyond the limit. Nothing is buffered past the limit and nothing is written to disk.
 */
export function rawUploadParser(limit: number) {
  return (request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit * 4) return done(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
      } else if (!over) chunks.push(chunk);
    });
    payload.on('end', () => (over ? done(tooLarge(limit)) : done(null, Buffer.concat(chunks, size))));
    payload.on('error', (error: Error) => done(error));
  };
}
