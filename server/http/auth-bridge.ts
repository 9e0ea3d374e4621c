import type http from 'node:http';
import { auth } from '../../src/server/auth';
import { db, isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../../src/server/db';
import { sendError } from './respond';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'too_large',
  422: 'unprocessable',
  429: 'rate_limited',
};

/**
 * Passes a request (its body already read and checked) to better-auth and writes the answer.
 * Error answers are given the app's shape `{ error: { code, message } }`; better-auth's own
 * top-level `code` and `message` stay beside it because its browser client reads them.
 */
export async function handleAuth(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer | null, origin: string): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const request = new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body && body.length > 0 && method !== 'GET' && method !== 'HEAD' ? new Uint8Array(body) : undefined,
  });
  const response = await auth().handler(request);
  // why probe: better-auth turns a failed query into a generic 500; when the database is what
  // failed, the user should see "try again" (503), as on every other route.
  if (response.status >= 500 && !(await databaseAnswers())) {
    sendError(res, 503, 'unavailable', UNAVAILABLE_MESSAGE, { api: true, headers: { 'retry-after': '5' } });
    return;
  }
  let text = await response.text();
  if (response.status >= 400) text = reshapeError(response.status, text);
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  if (response.status >= 400) out['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(response.status, out).end(text);
}

async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRawUnsafe('SELECT 1');
    return true;
  } catch (err) {
    return !isDatabaseUnavailable(err);
  }
}

function reshapeError(status: number, text: string): string {
  let parsed: { code?: unknown; message?: unknown } = {};
  try {
    const v: unknown = text ? JSON.parse(text) : {};
    if (v && typeof v === 'object') parsed = v as typeof parsed;
  } catch {
    // not JSON: keep the generic code and message below
  }
  const code = typeof parsed.code === 'string' && parsed.code ? parsed.code : (CODES[status] ?? (status >= 500 ? 'internal' : 'error'));
  const message =
    typeof parsed.message === 'string' && parsed.message
      ? parsed.message
      : status === 429
        ? 'Too many requests. Wait a minute and try again.'
        : status >= 500
          ? 'Something went wrong.'
          : 'Request refused.';
  return JSON.stringify({ ...parsed, error: { code, message }, code, message });
}
