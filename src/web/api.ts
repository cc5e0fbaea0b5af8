import type { Problem } from '../shared/common';

/** A failed API call: carries the server's problem+json so the UI can show it in the user's language. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/** The CSRF header for requests that do not go through `api` (raw file uploads). */
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

let onUnauthenticated: (() => void) | undefined;
/** Called when the session has ended on the server (idle timeout, deactivation): the app returns to sign-in. */
export const setUnauthenticatedHandler = (fn: (() => void) | undefined) => {
  onUnauthenticated = fn;
};

/** `credentials: 'omit'`: the public booking page sends no cookie at all (its API reads none). */
export async function api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, credentials: RequestCredentials = 'same-origin'): Promise<T> {
  const init: RequestInit = { method, credentials, headers: { accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) (init.headers as Record<string, string>)['x-csrf-token'] = csrfToken;
  if (body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw failure(res, data);
  return data as T;
}

function failure(res: Response, data: unknown): ApiError {
  const problem = (data as Problem | undefined) ?? { type: 'about:blank', title: res.statusText, status: res.status, code: 'unknown' };
  if (res.status === 401 && problem.code === 'auth.required') onUnauthenticated?.();
  return new ApiError(problem);
}

/**
 * A POST whose answer is a file (an export whose request carries personal data, so it cannot be a link): the browser
 * saves it under `filename`. Refusals arrive as problem+json like every other call.
 */
export async function postForFile(url: string, body: unknown, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', ...csrfHeader() }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network' });
  }
  if (!res.ok) {
    const text = await res.text();
    throw failure(res, text ? (JSON.parse(text) as unknown) : undefined);
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body);
export const patch = <T>(url: string, body?: unknown) => api<T>('PATCH', url, body);
export const put = <T>(url: string, body?: unknown) => api<T>('PUT', url, body);
