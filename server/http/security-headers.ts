/**
 * Headers sent with every response (pages, API, auth, static files).
 *
 * Content-Security-Policy, and why each part is what it is:
 * - script-src 'self' 'unsafe-inline': Next's App Router streams the page's data in inline
 *   <script> tags. A nonce would need every page rendered per request (no static pages) and
 *   Next's middleware; the page contents here are React-escaped and no third-party script is
 *   loaded, so inline scripts from our own HTML are allowed while every other script origin,
 *   eval (outside `npm run dev`, which needs it for hot reload) and plugins are not.
 * - style-src 'unsafe-inline': React style attributes and recharts' inline SVG styles.
 * - img-src data: blob:: the join QR code is a data: URL; recharts draws inline SVG.
 * - connect-src 'self' plus ws:/wss: on the same host: Socket.IO's websocket.
 * - frame-ancestors 'none' (and X-Frame-Options DENY for older browsers): no framing, no clickjacking.
 */
export function securityHeaders(opts: { https: boolean; dev: boolean; host: string | undefined }): Record<string, string> {
  const host = opts.host && /^[a-z0-9.:[\]-]+$/i.test(opts.host) ? opts.host : null;
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  const headers: Record<string, string> = {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // why: page URLs carry game PINs and class ids; other sites need not learn them.
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
  // why: HSTS over plain http is ignored by browsers and would only mislead; a classroom laptop
  // served over http must stay reachable over http.
  if (opts.https) headers['strict-transport-security'] = 'max-age=15552000';
  return headers;
}
