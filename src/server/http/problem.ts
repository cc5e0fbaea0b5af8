import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '../../shared/common.js';

/** An expected failure with a stable code; the error handler turns it into RFC 9457 problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
    readonly headers: Record<string, string> = {},
    readonly params?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'not_found', 'Not found', `${what} not found`);
export const forbidden = (detail = 'You may not do this') => new HttpProblem(403, 'forbidden', 'Forbidden', detail);
export const unauthenticated = () =>
  new HttpProblem(401, 'auth.required', 'Authentication required', 'Sign in to continue');
export const conflict = (code: string, detail: string) => new HttpProblem(409, code, 'Conflict', detail);
export const invalid = (code: string, detail: string, errors?: Problem['errors']) =>
  new HttpProblem(422, code, 'Unprocessable content', detail, errors);

export function sendProblem(reply: FastifyReply, p: Problem, headers: Record<string, string> = {}) {
  return reply
    .status(p.status)
    .headers(headers)
    .type('application/problem+json')
    .send(JSON.stringify(p));
}

const fastifyCodes: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large', title: 'Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.media_type', title: 'Unsupported media type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.malformed', title: 'Empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed', title: 'Malformed JSON' },
};

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) {
      return sendProblem(
        reply,
        { type: 'about:blank', title: error.title, status: error.status, detail: error.detail, code: error.code, errors: error.errors, params: error.params },
        error.headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        const params = v.params as { keys?: string[]; params?: { code?: string } };
        return {
          path: [v.instancePath.replace(/^\//, '').replaceAll('/', '.'), ...(params.keys ?? [])].filter(Boolean).join('.'),
          message: v.message ?? 'invalid',
          code: params.params?.code ?? v.keyword,
        };
      });
      // A domain rule on a field (e.g. no personal identity codes) names the whole problem, so the UI can say why.
      const domainCode = errors.find((e) => e.code.includes('.') || e.code.includes('_forbidden'))?.code;
      return sendProblem(reply, {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: domainCode ?? 'validation',
        detail: 'The request does not match the expected form',
        errors,
      });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(reply, { type: 'about:blank', ...known, detail: error.message });
    if (error.statusCode === 429) {
      return sendProblem(reply, { type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate_limited', detail: 'Try again in a moment' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      return sendProblem(reply, { type: 'about:blank', title: error.message, status: error.statusCode, code: 'request.invalid' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, { type: 'about:blank', title: 'Internal error', status: 500, code: 'internal' });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: `${request.method} ${request.url.split('?')[0]} not found` }),
  );
}
