import type http from 'node:http';

/** The one error body of every JSON endpoint (docs/api.md): `{ "error": { "code", "message" } }`. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Answers with the JSON error shape, or with a short plain-text page for page paths (a browser
 * shows it as is).
 */
export function sendError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  opts: { api: boolean; headers?: Record<string, string> } = { api: true },
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...opts.headers };
  if (opts.api) {
    res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(errorBody(code, message));
  } else {
    res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(`${status} ${message}\n`);
  }
}
