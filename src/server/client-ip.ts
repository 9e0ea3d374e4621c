import type { IncomingMessage } from 'node:http';

/** Header the custom server sets on every request; anything a client sent under this name is replaced. */
export const CLIENT_IP_HEADER = 'x-studyroom-client-ip';

/**
 * The address a request is counted against for rate limits. Without a trusted proxy this is the
 * TCP peer, whatever X-Forwarded-For says; with TRUST_PROXY the proxy's last-hop entry is used.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const peer = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
  if (!trustProxy) return peer;
  const xff = req.headers['x-forwarded-for'];
  const value = Array.isArray(xff) ? xff.join(',') : xff;
  const hops = value?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  return hops.length > 0 ? hops[hops.length - 1] : peer;
}

/** Replace client-supplied address headers with the server's own view of the peer. */
export function stampClientIp(req: IncomingMessage, trustProxy: boolean): string {
  const ip = clientIp(req, trustProxy);
  req.headers[CLIENT_IP_HEADER] = ip;
  if (!trustProxy) delete req.headers['x-forwarded-for'];
  return ip;
}
