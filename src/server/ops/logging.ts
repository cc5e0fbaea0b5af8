import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Logs carry no personal data. A failed query's error holds the SQL parameters (Drizzle puts them in `params` and
 * in the message, and so in the stack), and PostgreSQL's messages and details quote the offending value, so an
 * error is logged through a whitelist: its type, code and the SQL text, never parameters, details or bodies.
 */
export const loggerOptions = (level: string): LoggerOptions => ({
  level,
  serializers: {
    err: safeError,
    // Request logs carry method, route and status only: no bodies, cookies or query strings with personal data.
    req: (req: { method: string; url: string }) => ({ method: req.method, url: loggedUrl(req.url) }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});

/**
 * The path as logged: no query string, and no manage-link token (docs/public-booking.md): the token is the
 * customer's only credential, in the API's path and in the web page's.
 */
const TOKEN_PATH = /^(\/api\/public\/bookings|\/ajanvaraus\/varaus|\/tidsbokning\/bokning|\/booking\/manage)\/[^/]+/;
export const loggedUrl = (url: string) => url.split('?')[0]!.replace(TOKEN_PATH, '$1/[token]');

/** A logger outside the HTTP app (jobs, event bus) with the same serializers. */
export const createLogger = (level: string, name?: string, stream?: DestinationStream): Logger =>
  stream ? pino({ ...loggerOptions(level), name }, stream) : pino({ ...loggerOptions(level), name });

/** Fields of driver and HTTP errors that name what went wrong without quoting the data it went wrong on. */
const KEEP = ['code', 'severity', 'routine', 'constraint', 'table', 'column', 'schema', 'dataType', 'statusCode', 'query'] as const;

export function safeError(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value === undefined ? value : { type: typeof value };
  const err = value as Record<string, unknown> & Partial<Error>;
  const out: Record<string, unknown> = { type: err.constructor?.name ?? 'Object' };
  const message = typeof err.message === 'string' ? safeMessage(err) : undefined;
  if (message !== undefined) out.message = message;
  if (typeof err.stack === 'string') out.stack = `${err.name ?? 'Error'}: ${message ?? ''}${framesOf(err)}`;
  for (const key of KEEP) if (key in err && err[key] !== undefined) out[key] = err[key];
  if (err.cause !== undefined && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

function safeMessage(err: Record<string, unknown> & Partial<Error>): string {
  // DrizzleQueryError: "Failed query: <sql>\nparams: <values>" — the SQL text is useful, the values are not ours to log.
  if (typeof err.query === 'string' && 'params' in err) return `Failed query: ${err.query}`;
  // PostgreSQL quotes the value it refused: `invalid input syntax for type uuid: "…"`, `value "…" is out of range`.
  return err.message!.replace(/(:\s*|\bvalue\s+)"(?:[^"]|"")*"/g, '$1"[redacted]"');
}

/** The stack's frames without its first line, which repeats the (unredacted) message. */
function framesOf(err: Partial<Error>): string {
  const stack = err.stack!;
  const header = `${err.name}: ${err.message}`;
  if (stack.startsWith(header)) return stack.slice(header.length);
  return `\n${stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n')}`;
}
