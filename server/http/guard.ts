import type http from 'node:http';
import { findApiRoute, type ApiRoute } from './api-routes';
import { fromNodeHeaders } from 'better-auth/node';
import { userFromHeaders } from '../../src/server/auth';
import { bodyLimitFor, isUploadRoute } from './limits';
import { checkOrigin } from './origin';
import { hasBody, readBodyWithin } from './read-body';
import { sendError } from './respond';
import { securityHeaders } from './security-headers';
import { jsonBodyProblem, urlIsWellFormed } from './text-checks';

export interface GuardOptions {
  appUrl: string | undefined;
  dev: boolean;
  routes: ApiRoute[];
}

/** A request that passed every check, with its body read (null when it had none). */
export interface GuardedRequest {
  pathname: string;
  body: Buffer | null;
}

/**
 * Everything the server checks before a request reaches better-auth or Next: security headers,
 * well-formed URL, known API route and method, Origin on state-changing requests, body size
 * (while reading), and well-formed text in API bodies. Answers the request itself and returns
 * null when a check fails. docs/api.md ("Limits and checks") lists the answers.
 */
export async function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, opts: GuardOptions): Promise<GuardedRequest | null> {
  const https = opts.appUrl?.startsWith('https://') ?? false;
  const host = opts.appUrl ? new URL(opts.appUrl).host : req.headers.host;
  for (const [name, value] of Object.entries(securityHeaders({ https, dev: opts.dev, host }))) res.setHeader(name, value);

  const url = req.url ?? '/';
  const pathname = url.split('?')[0];
  const api = pathname.startsWith('/api/');
  const refuse = (status: number, code: string, message: string, extra: { headers?: Record<string, string> } = {}) => {
    console.warn(`http ${status} ${code}: ${req.method} ${JSON.stringify(url.slice(0, 200))} from ${req.socket.remoteAddress}: ${message}`);
    sendError(res, status, code, message, { api, ...extra });
    return null;
  };

  if (!urlIsWellFormed(url)) return refuse(400, 'bad_url', 'The URL has a malformed percent-encoding.');

  let route: ApiRoute | undefined;
  if (api && !pathname.startsWith('/api/auth/')) {
    route = findApiRoute(opts.routes, pathname);
    if (!route) return refuse(404, 'not_found', 'No such API route.');
    const method = req.method ?? 'GET';
    const allowed = route.methods.includes('GET') ? [...route.methods, 'HEAD'] : route.methods;
    if (!allowed.includes(method)) {
      return refuse(405, 'method_not_allowed', `${method} is not allowed here; use ${route.methods.join(', ')}.`, {
        headers: { allow: allowed.join(', ') },
      });
    }
  }

  const origin = checkOrigin(req, opts.appUrl);
  if (!origin.ok) return refuse(403, 'bad_origin', origin.message);

  if (!hasBody(req)) return { pathname, body: null };
  // why: the session is looked up before an upload is read, so only accounts get the large limit.
  const signedIn = isUploadRoute(route?.pattern) && req.headers.cookie ? (await userFromHeaders(fromNodeHeaders(req.headers))) !== null : false;
  const limit = bodyLimitFor(pathname, route?.pattern, signedIn);
  // why: a client that sent `Expect: 100-continue` waits for our go-ahead before sending the
  // body, so an oversized one is refused before a byte of it is sent (readBodyWithin checks the
  // declared length first and answers 413 without the go-ahead).
  const declared = Number(req.headers['content-length']);
  if (req.headers.expect?.toLowerCase() === '100-continue' && !(declared > limit)) res.writeContinue();
  const read = await readBodyWithin(req, limit);
  if (!read.ok) {
    if (read.reason === 'aborted') return null;
    // why: the rest of the body is never buffered. After the answer, what the client still sends
    // is discarded (closing a socket with unread data resets it, and the client could lose the
    // 413), and a client still sending two seconds later is cut off.
    res.once('finish', () => {
      req.resume();
      setTimeout(() => {
        if (!req.complete) req.socket.destroy();
      }, 2000).unref();
    });
    return refuse(413, 'too_large', `Request body over ${limit} bytes.`);
  }
  if (api && read.body.length > 0) {
    const problem = jsonBodyProblem(read.body);
    if (problem) return refuse(400, 'bad_request', problem);
  }
  return { pathname, body: read.body };
}
