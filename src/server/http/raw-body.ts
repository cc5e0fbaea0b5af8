import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

type Done = (err: Error | null, body?: unknown) => void;

/** A body over the route's limit, unless the route words it its own way (documents: 422 `document.too_large`). */
const bodyTooLarge = () => new HttpProblem(413, 'request.too_large', 'Request body too large', 'The file is too large');

/**
 * Reads a raw request body (an uploaded file) into memory up to `limit` bytes. A larger body is answered with
 * `tooLarge(limit)` after draining it — or at once when its declared length is far
 * beyond the limit. Nothing is buffered past the limit and nothing is written to disk.
 */
export function rawUploadParser(limit: number, tooLarge: (limit: number) => Error = bodyTooLarge) {
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
