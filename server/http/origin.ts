import type http from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginVerdict = { ok: true } | { ok: false; message: string };

/** The origin the app accepts: APP_URL's when set, else the origin the request itself names in Host. */
export function expectedOrigin(req: http.IncomingMessage, appUrl: string | undefined): string | null {
  if (appUrl) return new URL(appUrl).origin;
  const host = req.headers.host;
  if (!host) return null;
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${host}`.toLowerCase();
}

/**
 * True when `origin` (an Origin header) is the app's own: APP_URL's origin when set; otherwise any
 * http(s) origin on the request's own Host. why: without APP_URL the server cannot know whether a
 * TLS proxy sits in front of it, and both schemes on this very host are this app.
 */
export function isOwnOrigin(origin: string, req: http.IncomingMessage, appUrl: string | undefined): boolean {
  try {
    const o = new URL(origin);
    if (o.protocol !== 'http:' && o.protocol !== 'https:') return false;
    if (appUrl) return o.origin === new URL(appUrl).origin;
    const host = req.headers.host;
    return !!host && o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * CSRF check for state-changing requests (every method but GET, HEAD, OPTIONS).
 * - A foreign or "null" Origin is always refused.
 * - `Sec-Fetch-Site: cross-site` or `same-site` is refused (a browser telling us another site sent it).
 * - Without Origin, a request that carries a cookie is refused: forged requests ride on the
 *   browser's cookie, and every browser sends Origin on its own POSTs. A request with no cookie
 *   acts only as an anonymous caller (a script could send it directly), so Node clients without
 *   a session may leave Origin out; with a session cookie they must send the app's origin.
 */
export function checkOrigin(req: http.IncomingMessage, appUrl: string | undefined): OriginVerdict {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return { ok: true };
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return { ok: false, message: 'Cross-site requests are not accepted.' };
  }
  const origin = req.headers.origin;
  const expected = expectedOrigin(req, appUrl);
  if (origin !== undefined) {
    if (isOwnOrigin(origin, req, appUrl)) return { ok: true };
    return { ok: false, message: `Origin ${JSON.stringify(origin)} is not this app's origin${expected ? ` (${expected})` : ''}.` };
  }
  if (req.headers.cookie) {
    return { ok: false, message: `Requests that carry a session cookie must send the Origin header${expected ? ` (${expected})` : ''}.` };
  }
  return { ok: true };
}
