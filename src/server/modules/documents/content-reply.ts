import type { FastifyReply } from 'fastify';
import type { PageContent } from './read-handovers.js';

/**
 * Sends decrypted content: the stored media type (checked by magic bytes at upload), inline for viewing or as an
 * attachment, never cached, and a CSP of its own so the file can be shown in the app's own <img>/<object> only.
 */
export function sendContent(reply: FastifyReply, content: PageContent, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', content.mediaType)
    .header('content-disposition', `${disposition}; filename="${content.filename}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'")
    .header('x-frame-options', 'SAMEORIGIN')
    .header('cross-origin-resource-policy', 'same-origin')
    .send(content.bytes);
}
